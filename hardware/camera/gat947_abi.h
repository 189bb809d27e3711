#pragma once
// The GA/T 947.4 vendor-library C interface, exactly as the public wrappers declare it
// (/work/shared/notes/gat947-4-camera-interface.md), plus the vendor extensions our
// simulator adds (docs/hardware/camera-gat947.md). The simulator includes this header
// so that its exports cannot drift from the signatures the adapter dlsym's.

/* The simulator is built with hidden visibility; only these names leave the .so. */
#if defined(__GNUC__)
#define GAT947_API __attribute__((visibility("default")))
#else
#define GAT947_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

#pragma pack(push, 1)
typedef struct {
    char cSerial[8];    /* product serial, never empty */
    char userNo[7];     /* officer number, never empty */
    char userName[33];  /* officer name, GBK */
    char unitNo[13];    /* unit code */
    char unitName[33];  /* unit name, GBK */
} ZFY_INFO;
#pragma pack(pop)

/* The Ministry of Public Security subset (standard names and signatures). */
GAT947_API void* Init_Device(const char* IDCode, int* iRet);
GAT947_API void* GetIDCode(char** IDCode, int* iRet);
GAT947_API int SetMSDC(const char* sPwd, int* iRet);
GAT947_API int SyncDevTime(const char* sPwd, int* iRet);
GAT947_API int ReadDeviceResolution(int* width, int* height, const char* sPwd, int* iRet);
GAT947_API int ReadDeviceBatteryDumpEnergy(int* percent, const char* sPwd, int* iRet);
GAT947_API int GetZFYInfo(ZFY_INFO* info, const char* sPwd, int* iRet);
GAT947_API int WriteZFYInfo(ZFY_INFO* info, const char* sPwd, int* iRet);

/* Vendor extensions (optional: the adapter works without them, minus the feature). */
/* Device clock as local time "YYYYMMDDhhmmss"; the buffer holds at least 15 bytes. */
GAT947_API int ReadDevTime(char* yyyymmddhhmmss, const char* sPwd, int* iRet);
/* Firmware version, NUL-terminated, truncated to bufLen - 1 bytes. */
GAT947_API int ReadFirmwareVersion(char* buf, int bufLen, const char* sPwd, int* iRet);
/* Storage size and free space in MiB. */
GAT947_API int ReadDeviceStorage(long long* totalMB, long long* freeMB, const char* sPwd, int* iRet);
/* Recordings as "relative/path\tbytes\n" lines; *needed gets the full size incl. NUL. */
GAT947_API int ListRecordings(char* buf, int bufLen, int* needed, const char* sPwd, int* iRet);
/* Deletes one recording by its relative path on the volume. */
GAT947_API int DeleteRecording(const char* relativePath, const char* sPwd, int* iRet);

#ifdef __cplusplus
}
#endif

/* The simulator's result values and iRet detail codes. A real vendor's header defines its
   own; the adapter takes them from its configuration (Gat947Codes). */
#define GAT947_SIM_BC_SUCCESS 1
#define GAT947_SIM_BC_FAILED 0
#define GAT947_SIM_OK 0
#define GAT947_SIM_ERR_PASSWORD 1
#define GAT947_SIM_ERR_NO_DEVICE 2
#define GAT947_SIM_ERR_UNPLUGGED 3
#define GAT947_SIM_ERR_STORAGE 4
#define GAT947_SIM_ERR_ARGUMENT 5
#define GAT947_SIM_ERR_STATE 6

#ifdef __cplusplus
static_assert(sizeof(ZFY_INFO) == 94, "ZFY_INFO must stay packed: 8+7+33+13+33 bytes");
#endif
