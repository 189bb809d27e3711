#pragma once
// The demo's simulators can also be driven from a shell (custodyctl sim ...): a Unix
// socket beside the demo database takes one command line per connection and answers
// with the lines the handler returns. Only a kiosk started with --demo listens.

#include <atomic>
#include <functional>
#include <string>
#include <thread>

#include "kiosk/core/result.h"

namespace custody::ui {

class SimControl {
public:
    using Handler = std::function<std::string(const std::string& line)>;
    static Result<std::unique_ptr<SimControl>> listen(const std::string& socket_path, Handler handler);
    ~SimControl();

private:
    SimControl() = default;
    void serve();

    std::string path_;
    Handler handler_;
    int fd_ = -1;
    int stop_pipe_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace custody::ui
