#include "kiosk/cli/demo_media.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>
#include <vector>

namespace custody::cli {

namespace {

// xorshift32: the same seed gives the same file, so a demo run can be reproduced.
struct Noise {
    std::uint32_t s;
    explicit Noise(std::uint32_t seed) : s(seed ? seed : 0x9E3779B9u) {}
    std::uint32_t next() {
        s ^= s << 13;
        s ^= s >> 17;
        s ^= s << 5;
        return s;
    }
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint32_t>(hi - lo + 1)); }
};

void le16(std::string& o, std::uint32_t v) {
    o.push_back(static_cast<char>(v & 0xFF));
    o.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void le32(std::string& o, std::uint32_t v) {
    le16(o, v & 0xFFFF);
    le16(o, v >> 16);
}
void be16(std::string& o, std::uint32_t v) {
    o.push_back(static_cast<char>((v >> 8) & 0xFF));
    o.push_back(static_cast<char>(v & 0xFF));
}
// A fixed-width text field of a BWF chunk: ASCII, NUL-padded, cut to fit.
void fixed(std::string& o, const std::string& text, std::size_t width) {
    std::string t = text.substr(0, width);
    o += t;
    o.append(width - t.size(), '\0');
}

int seconds_of_day(const std::string& hhmmss) {
    if (hhmmss.size() != 8) return 0;
    auto two = [&](std::size_t at) { return (hhmmss[at] - '0') * 10 + (hhmmss[at + 1] - '0'); };
    return two(0) * 3600 + two(3) * 60 + two(6);
}

constexpr std::uint32_t kRate = 8000;

}  // namespace

std::string make_wav(const DemoAudio& a) {
    // bext (EBU Tech 3285 v1): 602 bytes of fixed fields, then the coding history.
    std::string bext;
    fixed(bext, "Body-worn camera audio (custodyctl demo)", 256);  // Description
    fixed(bext, a.originator, 32);                                  // Originator
    fixed(bext, a.originator + " " + a.started.date + " " + a.started.time, 32);  // OriginatorReference
    fixed(bext, a.started.date, 10);                                // OriginationDate yyyy-mm-dd
    fixed(bext, a.started.time, 8);                                 // OriginationTime hh:mm:ss
    // TimeReference: the first sample's count since midnight, at the file's own rate.
    const std::uint64_t since_midnight = std::uint64_t{kRate} * static_cast<std::uint64_t>(seconds_of_day(a.started.time));
    le32(bext, static_cast<std::uint32_t>(since_midnight & 0xFFFFFFFFu));
    le32(bext, static_cast<std::uint32_t>(since_midnight >> 32));
    le16(bext, 1);               // Version 1: a UMID field, left all zero (none assigned)
    bext.append(64, '\0');       // UMID
    bext.append(190, '\0');      // Reserved (v1)
    bext += "A=PCM,F=8000,W=8,M=mono,T=custodyctl demo\r\n";  // CodingHistory
    if (bext.size() % 2) bext.push_back('\0');  // RIFF chunks are word-aligned

    // The samples: the start beep body-worn cameras give, then quiet street ambience
    // (low-passed noise with a faint engine hum), 8-bit unsigned around 128.
    const std::uint32_t samples = kRate * static_cast<std::uint32_t>(std::max(1, a.seconds));
    std::string data;
    data.reserve(samples);
    Noise rng(a.seed);
    double low = 0;
    const double hum_hz = 90 + rng.between(0, 40);
    for (std::uint32_t i = 0; i < samples; ++i) {
        const double t = static_cast<double>(i) / kRate;
        double v = 0;
        if (t < 0.2) v += 50 * std::sin(2 * std::numbers::pi * 1000 * t);
        low += 0.15 * ((static_cast<int>(rng.next() % 41) - 20) - low);
        v += low + 4 * std::sin(2 * std::numbers::pi * hum_hz * t);
        data.push_back(static_cast<char>(std::clamp(static_cast<int>(std::lround(128 + v)), 0, 255)));
    }

    std::string fmt;
    le16(fmt, 1);       // PCM
    le16(fmt, 1);       // mono
    le32(fmt, kRate);   // samples a second
    le32(fmt, kRate);   // bytes a second
    le16(fmt, 1);       // block align
    le16(fmt, 8);       // bits a sample

    std::string out = "RIFF";
    le32(out, static_cast<std::uint32_t>(4 + (8 + bext.size()) + (8 + fmt.size()) + (8 + data.size() + data.size() % 2)));
    out += "WAVE";
    out += "bext";
    le32(out, static_cast<std::uint32_t>(bext.size()));
    out += bext;
    out += "fmt ";
    le32(out, static_cast<std::uint32_t>(fmt.size()));
    out += fmt;
    out += "data";
    le32(out, static_cast<std::uint32_t>(data.size()));
    out += data;
    if (data.size() % 2) out.push_back('\0');
    return out;
}

namespace {

// One TIFF directory entry; values over four bytes go to the area after the directory.
struct IfdEntry {
    std::uint16_t tag;
    std::uint16_t type;  // 2 ASCII, 3 SHORT, 4 LONG, 5 RATIONAL, 7 UNDEFINED
    std::uint32_t count;
    std::string value;
};

IfdEntry ascii(std::uint16_t tag, const std::string& s) { return {tag, 2, static_cast<std::uint32_t>(s.size() + 1), s + '\0'}; }
IfdEntry short1(std::uint16_t tag, std::uint32_t v) {
    std::string b;
    le16(b, v);
    return {tag, 3, 1, b};
}
IfdEntry long1(std::uint16_t tag, std::uint32_t v) {
    std::string b;
    le32(b, v);
    return {tag, 4, 1, b};
}
IfdEntry rational(std::uint16_t tag, std::uint32_t num, std::uint32_t den) {
    std::string b;
    le32(b, num);
    le32(b, den);
    return {tag, 5, 1, b};
}
IfdEntry undefined(std::uint16_t tag, const std::string& bytes) {
    return {tag, 7, static_cast<std::uint32_t>(bytes.size()), bytes};
}

// A directory at offset `at` of the TIFF block (entries in tag order), then its values.
std::string ifd(const std::vector<IfdEntry>& entries, std::uint32_t at) {
    std::string head, values;
    const std::uint32_t values_at = at + 2 + 12 * static_cast<std::uint32_t>(entries.size()) + 4;
    le16(head, static_cast<std::uint32_t>(entries.size()));
    for (const auto& e : entries) {
        le16(head, e.tag);
        le16(head, e.type);
        le32(head, e.count);
        if (e.value.size() <= 4) {
            head += e.value;
            head.append(4 - e.value.size(), '\0');
        } else {
            le32(head, values_at + static_cast<std::uint32_t>(values.size()));
            values += e.value;
            if (values.size() % 2) values.push_back('\0');
        }
    }
    le32(head, 0);  // no next directory
    return head + values;
}

std::string exif_block(const DemoPhoto& p) {
    std::string stamp = p.taken.date + " " + p.taken.time;  // EXIF writes the date with colons
    std::replace(stamp.begin(), stamp.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(10, stamp.size())), '-', ':');
    auto ifd0 = [&](std::uint32_t exif_at) {
        return ifd({ascii(0x0110, p.model), rational(0x011A, 72, 1), rational(0x011B, 72, 1), short1(0x0128, 2),
                    ascii(0x0132, stamp), short1(0x0213, 1), long1(0x8769, exif_at)},
                   8);
    };
    const std::uint32_t exif_at = 8 + static_cast<std::uint32_t>(ifd0(0).size());
    std::string tiff = "II";
    le16(tiff, 42);
    le32(tiff, 8);
    tiff += ifd0(exif_at);
    tiff += ifd({undefined(0x9000, "0231"), ascii(0x9003, stamp), ascii(0x9004, stamp),
                 undefined(0x9101, std::string("\x01\0\0\0", 4)),  // components: Y only
                 undefined(0xA000, "0100"),
                 short1(0xA001, 1), long1(0xA002, kDemoPhotoWidth), long1(0xA003, kDemoPhotoHeight)},
                exif_at);
    return std::string("Exif\0\0", 6) + tiff;
}

// Entropy-coded data: bits most significant first, 0xFF stuffed with 0x00, the last
// byte padded with ones (ITU T.81 F.1.2.3, B.1.1.5).
class BitWriter {
public:
    explicit BitWriter(std::string& out) : out_(out) {}
    void put(std::uint32_t bits, int length) {
        for (int i = length - 1; i >= 0; --i) {
            acc_ = static_cast<std::uint8_t>((acc_ << 1) | ((bits >> i) & 1u));
            if (++used_ == 8) emit();
        }
    }
    void finish() {
        while (used_ != 0) put(1, 1);
    }

private:
    void emit() {
        out_.push_back(static_cast<char>(acc_));
        if (acc_ == 0xFF) out_.push_back('\0');
        acc_ = 0;
        used_ = 0;
    }
    std::string& out_;
    std::uint8_t acc_ = 0;
    int used_ = 0;
};

struct Code {
    std::uint32_t bits = 0;
    int length = 0;
};

// The luminance DC table of ITU T.81 Annex K.3: code lengths, then the categories.
constexpr std::array<std::uint8_t, 16> kDcCounts = {0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
constexpr std::array<std::uint8_t, 12> kDcSymbols = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
// Every block is one flat tone, so its 63 AC coefficients are zero: the only AC symbol
// ever written is end-of-block (0x00), and the AC table holds just that one code.
constexpr std::array<std::uint8_t, 16> kAcCounts = {1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
constexpr std::array<std::uint8_t, 1> kAcSymbols = {0x00};
constexpr int kQuant = 16;  // one step for every coefficient: only the DC step matters here

// Canonical Huffman codes from the counts of each length (ITU T.81 Annex C).
std::array<Code, 256> codes(const std::array<std::uint8_t, 16>& counts, const std::uint8_t* symbols) {
    std::array<Code, 256> table{};
    std::uint32_t code = 0;
    std::size_t k = 0;
    for (int length = 1; length <= 16; ++length) {
        for (int i = 0; i < counts[static_cast<std::size_t>(length - 1)]; ++i) table[symbols[k++]] = {code++, length};
        code <<= 1;
    }
    return table;
}

void segment(std::string& o, std::uint8_t marker, const std::string& body) {
    o.push_back(static_cast<char>(0xFF));
    o.push_back(static_cast<char>(marker));
    be16(o, static_cast<std::uint32_t>(body.size() + 2));
    o += body;
}

// A street seen from the kerb, in 8x8 blocks: sky, the buildings opposite, the road
// with its lane marks, and a car somewhere along it.
std::vector<int> scene(std::uint32_t seed) {
    constexpr int w = kDemoPhotoWidth / 8, h = kDemoPhotoHeight / 8;
    Noise rng(seed);
    std::vector<int> level(static_cast<std::size_t>(w * h));
    std::vector<int> roof(static_cast<std::size_t>(w));
    for (auto& r : roof) r = rng.between(2, 6);
    const int car = rng.between(1, w - 5);
    const int car_tone = rng.between(0, 1) ? 40 : 210;
    for (int y = 0; y < h; ++y) {
        for (int x = 0; x < w; ++x) {
            int v;
            if (y < roof[static_cast<std::size_t>(x)]) v = 205 - 6 * y;                         // sky
            else if (y < 8) v = 120 + ((x * 7 + y * 3) % 5) * 8 + (((x + y) % 3 == 0) ? 40 : 0);  // windows
            else if (y == 11 && x % 4 < 2) v = 225;                                            // lane mark
            else v = 85 + (y - 8) * 3;                                                          // asphalt
            if (x >= car && x < car + 4 && (y == 9 || y == 10)) v = car_tone;
            if (x >= car && x < car + 4 && y == 10 && (x == car || x == car + 3)) v = 20;    // wheels
            level[static_cast<std::size_t>(y * w + x)] = std::clamp(v + rng.between(-4, 4), 0, 255);
        }
    }
    return level;
}

}  // namespace

std::string make_jpeg(const DemoPhoto& p) {
    std::string o = "\xFF\xD8";  // SOI
    segment(o, 0xE1, exif_block(p));

    std::string dqt(1, '\0');  // 8-bit precision, table 0
    dqt.append(64, static_cast<char>(kQuant));
    segment(o, 0xDB, dqt);

    std::string sof;
    sof.push_back(8);  // sample precision
    be16(sof, kDemoPhotoHeight);
    be16(sof, kDemoPhotoWidth);
    sof += std::string("\x01\x01\x11\x00", 4);  // one component: id 1, 1x1 sampling, quant table 0
    segment(o, 0xC0, sof);

    std::string dht(1, '\x00');  // DC table 0
    dht.append(kDcCounts.begin(), kDcCounts.end());
    dht.append(kDcSymbols.begin(), kDcSymbols.end());
    dht.push_back('\x10');  // AC table 0
    dht.append(kAcCounts.begin(), kAcCounts.end());
    dht.append(kAcSymbols.begin(), kAcSymbols.end());
    segment(o, 0xC4, dht);

    segment(o, 0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6));  // one component, tables 0/0, 0..63
    const auto dc = codes(kDcCounts, kDcSymbols.data());
    const auto ac = codes(kAcCounts, kAcSymbols.data());
    BitWriter bits(o);
    int previous = 0;
    for (int level : scene(p.seed)) {
        // A flat 8x8 block of level L has DC coefficient 8 * (L - 128) (T.81 A.3.3).
        const int q = static_cast<int>(std::lround(8.0 * (level - 128) / kQuant));
        const int diff = q - previous;
        previous = q;
        int category = 0;
        for (int m = diff < 0 ? -diff : diff; m != 0; m >>= 1) ++category;
        bits.put(dc[static_cast<std::size_t>(category)].bits, dc[static_cast<std::size_t>(category)].length);
        if (category > 0) {
            // Negative differences are sent as their one's complement in `category` bits.
            const int raw = diff >= 0 ? diff : diff + (1 << category) - 1;
            bits.put(static_cast<std::uint32_t>(raw), category);
        }
        bits.put(ac[0].bits, ac[0].length);  // end of block
    }
    bits.finish();
    o += "\xFF\xD9";  // EOI
    return o;
}

}  // namespace custody::cli
