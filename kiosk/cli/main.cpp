// custodyctl: the administrator's command line for the custody kiosk.
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "kiosk/cli/commands.h"
#include "kiosk/cli/store_owner.h"
#include "kiosk/service/journal_sink.h"

namespace custody::cli {
namespace {

const char* kHelpZh = R"(custodyctl — 执法记录仪保管柜管理命令

用法：custodyctl [--db 路径] [--key 路径] [--archive 目录] [--lang zh|en] 命令 [参数]

命令：
  init [--slots N] [--agency 名称] [--time-zone 时区]   新建数据库与签名密钥
  import units|officers|devices|badges 文件.csv       导入登记（UTF-8，任一行有误则整个文件不导入）
  checkout --badge 卡号 [--partner 卡号]              刷卡领用（R6、R7、R10、R14）
  return --device 序列号 --slot N [--config kiosk.conf]
                                                      设备归还入柜；该柜位配置了执法记录仪时随即导出、校验、清除（R14、R15）
  offload --slot N [--config kiosk.conf]              继续或重试该柜位设备的录像导出
  offload jobs                                        最近的导出任务及失败原因
  health --device 序列号 --battery % --free-mb MB [--clock-offset 秒] [--fault 描述]
                                                      记录健康检查；有故障即隔离（R9）
  sim tap 卡号 | dock 柜位 序列号 | take 柜位 | cabinet 柜位 | screen
                                                      操作 custody-kiosk --demo 的模拟器：刷卡、插入或取出记录仪、查看屏幕按钮
  ledger [--officer 警号] [--device 序列号] [--from 日期] [--to 日期] [--format table|csv|json]
                                                      使用台账（R5）
  overdue [--format table|csv|json]                   超期未归还导出的设备（R14）
  devices                                             柜内与领出设备一览
  verify [--archive]                                  核对审计链、签名与台账；--archive 重新计算存档文件哈希并与数据库、SHA256SUMS 核对
  backup --to 目录                                    在线备份（终端可照常工作）：数据库、签名密钥、链头标记与存档录像写入
                                                      目录/custody-backup-<UTC 时间>/，最后写入 MANIFEST 即为完整备份（R12、R16）
  restore --from 备份文件夹 [--force]                 按 MANIFEST 逐个核对后恢复到 --db、--key、--archive；已有数据库须加 --force，
                                                      原有文件改名为 *.replaced-<时间> 保留，从不删除
  status [--config kiosk.conf] [--min-free-mb MB] [--require-hardware]
                                                      运行概况，每项一行：数据库与链头标记、读卡器、储存柜、存档盘剩余空间
                                                      （默认下限 2048 MB）、停止的导出任务、超期设备；未配置读卡器或储存柜
                                                      记为正常，加 --require-hardware 则记为需注意；有需注意项时退出码为 5
  badge revoke 卡号 [--reason 原因]                   注销卡
  officer activate|deactivate 警号                    启用、停用民警
  profile [show] | profile set 键 值                  查看、修改策略项
  demo [--days N]                                     新建演示数据库（真实业务流程生成一个月记录）
  hw readers                                          列出本机读卡器（libnfc 与键盘式）
  hw badge [--timeout 秒]                             用已配置的读卡器读一张卡，显示持卡人
  hw cabinet                                          读取储存柜控制板：标识与各柜位状态
  hw dock [--slot N]                                  读取柜内执法记录仪：序列号、电量、存储、时钟、使用人（只读）
      hw 选项：--config kiosk.conf  --reader pn532|wedge  --connstring 串  --device 路径  --cabinet tcp:主机:端口|rtu:设备[@波特率]
  retention due [--format table|csv]                  超过保存期限、待审核清除的一般录像（R18）
  retention purge --recording 编号 --approver 警号 --reason 理由
                                                      保管员审核后清除到期录像；记录与哈希永久保留（R18）
  retention keep --recording 编号 --reason 代码       长期保存（R20）；代码：complaint_likely、party_obstructed、review_or_litigation、
                                                      public_report、large_or_seizure_case、major_or_sensitive
  evidence hold --recording 编号 --case 案件编号      录像作为证据随案保存（R19）
  evidence export --case 案件编号 --maker 制作人 --extractor 提取人 [--out 目录]
                                                      导出证据：文件、说明.txt、SHA256SUMS 与光盘映像（R19、R21）
  evidence copy --export 编号 [--label 标签]          登记一份刻录光盘及其标签（R20：两份）
  evidence list --case 案件编号                       案件的录像、导出与光盘
  interruption add --job 任务 --officer 警号 --reason 代码 --basis 经过与依据
                                                      补填执法记录中断情况说明（R13）
  interruption list [--job 任务]                      执法记录中断情况说明一览
  interruption pending                                待单位负责人审核的中断情况说明（R13）
  interruption approve --id 编号 --by 警号 [--note 意见]
                                                      单位负责人审核中断情况说明，每份只审核一次（R13）
  pin set --officer 警号                              设置保管员密码（4–8 位数字，从标准输入读取，不写在命令行上）
  reconcile [--save] [--config kiosk.conf]            盘点：台账与储存柜柜位逐台核对；未配置储存柜时按台账柜位核对；--save 保存盘点记录
  quarantine --device 序列号 --reason 原因            故障隔离，停止使用（R9）
  release --device 序列号                             解除隔离（设备须在柜位中；领用前仍须通过使用前检查，R7）
  fault --device 序列号 --kind 类型 --by 警号 [--note 情况]
                                                      登记故障或损坏并隔离设备（R9）；损坏类需立赔偿案（R26）；类型：
                                                      casing_damaged、lens_damaged、will_not_record、battery_problem、
                                                      accessory_missing、other
  allocation                                          各单位执法人员与在册设备对照配备标准（R2：甲类每 2 人 1 台，乙类每 5 人 1 台）
  assets import|export 文件.csv|文件.xlsx             固定资产卡片导入（整个文件有错即全部不导入）与导出（R3）
  assets list|show 资产编号 [--month YYYY-MM]         资产卡片一览（原值、累计折旧、净值）与单张卡片及变动记录
  assets close-month YYYY-MM                          月末结账：保存每项资产当月折旧与净值（按月顺序，重复执行不改变）
  assets dispose 资产编号 --on 日期 --reason 理由 --approver 警号
                                                      报废（单位负责人或财务审批）
  assets category [代码 --life 月数]                  资产分类与使用年限（不得低于财政部最低年限）
  assets move 资产编号 --location 地点                变更存放地点
  repair open --device 序列号 --problem 故障 [--fault-report 编号]
                                                      开维修单，设备停用（R9）
  repair send 单号 --supplier 供应商 [--on 日期]      送修：台账记“送修”，设备离柜
  repair return 单号 --outcome repaired|replaced|written_off [--on 日期] [--cost 元] [--slot 柜位]
                [--approver 警号] [--note 说明]       修复返回入柜；无法修复则报废（须审批）
  repair list                                         维修单一览：停用天数与费用
  compensation open --cause 原因 (--fault-report 编号 | --device 序列号 [--reconciliation 编号]) [--loss] [--at 时间]
                                                      立赔偿案：责任人取自台账，金额按资产卡片计算（R26）；原因：
                                                      poor_keeping、misuse、deliberate、force_majeure
  compensation review 案件 --by 警号 --approve|--reject --reason 理由
                                                      审核：保管员 → 单位负责人 → 财务
  compensation acknowledge|pay|waive 案件 --by 警号 [--amount 元 --on 日期 --receipt 收据号] [--reason 理由]
                                                      当事人确认、缴款（可分次）、免予赔偿
  compensation show|list [案件]                       案件详情（逐行计算）与一览
  maintenance                                         夜间维护（custody-maintenance.timer）：结已结束的会计月份，
                                                      统计待审查的超期录像（R18），记录逾期设备（R14）
  printers                                            打印服务器（CUPS）的队列：默认队列、是否接受任务、是否暂停；报表所用队列
  report 类型 --out 文件.pdf [--print [队列]]
                                                      生成 A4 PDF 报表并可打印；类型：custody 保管使用报告、ledger 使用台账（R5）、
                                                      evidence-form 摄录情况记录表（R21）、disc-label 光盘标签及封套（R20）、
                                                      receipt 导出回执、reconciliation 盘点报告、interruption 中断情况说明（R13）、
                                                      asset-register 固定资产卡片登记表、depreciation 折旧明细表（R3，已结账月份）、
                                                      repairs 维修登记表（R9）、compensation-notice 赔偿通知书（--id 案件）、
                                                      compensation-register 赔偿案件登记簿（R26）、allocation 配备情况表（R2）
      报表选项：--unit 单位代码  --officer 警号  --device 序列号  --from/--to 日期  --month YYYY-MM
                --recording 编号[,编号]  --case 案件编号  --place 地点  --activity 活动或案件名称
                --export 导出编号  --job 任务编号  --id 记录编号（盘点、中断说明）；不指定时取最新记录

数据库位置：--db，其次环境变量 CUSTODY_DB，其次已安装终端的 /var/lib/custody-kiosk/custody.db（存在时），
否则 $XDG_DATA_HOME/custody-kiosk/custody.db（默认 ~/.local/share/custody-kiosk/custody.db）。签名密钥默认为 <数据库>.key（--key 或 CUSTODY_KEY 可改）。
录像存档：--archive，其次环境变量 CUSTODY_ARCHIVE，否则数据库所在目录下的 archive/。
硬件配置：--config，其次环境变量 CUSTODY_CONF，其次 /etc/custody-kiosk/kiosk.conf，否则 ~/.config/custody-kiosk/kiosk.conf。

退出码：0 成功；1 业务规则拒绝或输入被拒；2 用法错误；3 审计链被篡改；4 数据库、密钥、文件或硬件问题；
5 status 发现需要注意的项。
)";

const char* kHelpEn = R"(custodyctl — administration of the body-worn camera custody kiosk

Usage: custodyctl [--db PATH] [--key PATH] [--archive DIR] [--lang zh|en] COMMAND [ARGS]

Commands:
  init [--slots N] [--agency NAME] [--time-zone ZONE]  create the database and the signing key
  import units|officers|devices|badges FILE.csv         register from CSV (UTF-8; one bad row rejects the file)
  checkout --badge UID [--partner UID]                  issue a camera (R6, R7, R10, R14)
  return --device SERIAL --slot N [--config kiosk.conf]
                                                        dock a camera; with a camera configured in that slot its footage is
                                                        offloaded, verified and wiped (R14, R15)
  offload --slot N [--config kiosk.conf]                carry on with, or retry, the offload of the camera in a slot
  offload jobs                                          recent offload jobs and why any stopped
  health --device SERIAL --battery % --free-mb MB [--clock-offset S] [--fault TEXT]
                                                        record a health check; a fault quarantines (R9)
  sim tap UID | dock SLOT SERIAL | take SLOT | cabinet SLOT | screen
                                                        drive the simulators of custody-kiosk --demo: tap a badge, dock or
                                                        take out a camera, list the buttons on the screen
  ledger [--officer NUMBER] [--device SERIAL] [--from DATE] [--to DATE] [--format table|csv|json]
                                                        the usage ledger (R5)
  overdue [--format table|csv|json]                     devices out past the offload deadline (R14)
  devices                                               devices in the cabinet and out
  verify [--archive]                                    check the audit chain, signatures and ledger; --archive re-hashes every
                                                        archived file against the database and its SHA256SUMS
  backup --to DIR                                       an online backup (the kiosk keeps working): database, signing key, head
                                                        anchor and archived footage into DIR/custody-backup-<UTC time>/; the
                                                        MANIFEST, written last, marks it complete (R12, R16)
  restore --from BACKUP-FOLDER [--force]                check every file against the MANIFEST, then restore to --db, --key and
                                                        --archive; an existing database needs --force and is kept as
                                                        *.replaced-<time>, never deleted
  status [--config kiosk.conf] [--min-free-mb MB] [--require-hardware]
                                                        a health summary, one line each: database and head anchor, badge reader,
                                                        cabinet, free space of the archive disk (threshold 2048 MB unless given),
                                                        stopped offloads, overdue devices; a reader or cabinet not configured
                                                        counts as OK unless --require-hardware; exit 5 when anything needs attention
  badge revoke UID [--reason TEXT]                      revoke a badge
  officer activate|deactivate NUMBER                    put an officer on or off duty
  profile [show] | profile set KEY VALUE                show or change a policy setting
  demo [--days N]                                       create a demo database (a month driven through the real services)
  hw readers                                            list this machine's badge readers (libnfc and keyboard-wedge)
  hw badge [--timeout S]                                read one badge with the configured reader and show its holder
  hw cabinet                                            poll the cabinet board: identity and every slot
  hw dock [--slot N]                                    what each docked camera reports: serial, battery, storage, clock, binding (read-only)
      hw options: --config kiosk.conf  --reader pn532|wedge  --connstring S  --device PATH  --cabinet tcp:HOST:PORT|rtu:DEV[@BAUD]
  retention due [--format table|csv]                    ordinary footage past its retention, for review (R18)
  retention purge --recording ID --approver NUMBER --reason TEXT
                                                        a keeper clears due footage; its row and hash stay (R18)
  retention keep --recording ID --reason CODE           keep long-term (R20); CODE: complaint_likely, party_obstructed,
                                                        review_or_litigation, public_report, large_or_seizure_case, major_or_sensitive
  evidence hold --recording ID --case NO                hold a recording as evidence of a case (R19)
  evidence export --case NO --maker NAME --extractor NAME [--out DIR]
                                                        export the case: files, 说明.txt note, SHA256SUMS, disc image (R19, R21)
  evidence copy --export ID [--label TEXT]              record one burnt disc and its label (R20: two copies)
  evidence list --case NO                               a case's recordings, exports and discs
  interruption add --job ID --officer NUMBER --reason CODE --basis TEXT
                                                        record why recording stopped (R13)
  interruption list [--job ID]                          interruption records
  interruption pending                                  interruption records awaiting the unit head's review (R13)
  interruption approve --id N --by NUMBER [--note TEXT]
                                                        the unit head reviews a record, once (R13)
  pin set --officer NUMBER                              set a custodian PIN (4-8 digits, read from standard input, never argv)
  reconcile [--save] [--config kiosk.conf]              inventory: the ledger against the cabinet's slots, device by device;
                                                        without a cabinet link, against the ledger's own slots; --save keeps it
  quarantine --device SERIAL --reason TEXT              take a device out of service (R9)
  release --device SERIAL                               release a quarantined device in a slot (the pre-use check still applies, R7)
  fault --device SERIAL --kind KIND --by NUMBER [--note TEXT]
                                                        report a fault or damage and quarantine the device (R9); damage needs a
                                                        compensation case (R26); KIND: casing_damaged, lens_damaged,
                                                        will_not_record, battery_problem, accessory_missing, other
  allocation                                            each unit's officers and devices against its allocation standard
                                                        (R2: class A 1 per 2 officers, class B 1 per 5)
  assets import|export FILE.csv|FILE.xlsx               asset cards in and out (R3); one bad row rejects the whole file
  assets list|show ASSET [--month YYYY-MM]              the register (original, accumulated, net book value); one card
  assets close-month YYYY-MM                            store each asset's charge and net book value (in order; repeating
                                                        it changes nothing)
  assets dispose ASSET --on DATE --reason TEXT --approver NUMBER
                                                        dispose of an asset (unit head or finance approves)
  assets category [CODE --life MONTHS]                  categories and useful lives (never below the MoF floor)
  assets move ASSET --location TEXT                     change where an asset is kept
  repair open --device SERIAL --problem TEXT [--fault-report ID]
                                                        open a repair order; the device leaves service (R9)
  repair send ORDER --supplier NAME [--on DATE]         the device leaves for the supplier (a ledger entry)
  repair return ORDER --outcome repaired|replaced|written_off [--on DATE] [--cost YUAN] [--slot N]
                [--approver NUMBER] [--note TEXT]       back into a slot, or written off (approved disposal)
  repair list                                           repair orders with days out of service and cost
  compensation open --cause CAUSE (--fault-report ID | --device SERIAL [--reconciliation ID]) [--loss] [--at TIME]
                                                        open a case: liable person from the ledger, amount from the
                                                        asset card (R26); CAUSE: poor_keeping, misuse, deliberate,
                                                        force_majeure
  compensation review CASE --by NUMBER --approve|--reject --reason TEXT
                                                        custodian, then unit head, then finance
  compensation acknowledge|pay|waive CASE --by NUMBER [--amount YUAN --on DATE --receipt NO] [--reason TEXT]
                                                        the officer's acknowledgement, payments (partial too), waiver
  compensation show|list [CASE]                         one case with its calculation line by line; all cases
  maintenance                                           the nightly upkeep (custody-maintenance.timer): close the accounting
                                                        months that ended, count footage due for review (R18), log overdue
                                                        devices (R14)
  printers                                              the print server's (CUPS) queues: the default, whether each takes jobs
                                                        or is stopped, and the queue reports print on
  report KIND --out FILE.pdf [--print [QUEUE]]          an A4 PDF report, printed if asked; KIND: custody, ledger (R5),
                                                        evidence-form (R21), disc-label (R20), receipt, reconciliation,
                                                        interruption (R13), asset-register, depreciation (R3, a closed
                                                        month), repairs (R9), compensation-notice (--id CASE),
                                                        compensation-register (R26), allocation (R2)
      report options: --unit CODE  --officer NUMBER  --device SERIAL  --from/--to DATE  --month YYYY-MM
                      --recording ID[,ID]  --case NO  --place TEXT  --activity TEXT  --export ID  --job ID
                      --id N (reconciliation, interruption record); without them the newest record is used

Database: --db, else $CUSTODY_DB, else an installed kiosk's /var/lib/custody-kiosk/custody.db when it
exists, else $XDG_DATA_HOME/custody-kiosk/custody.db (default ~/.local/share/custody-kiosk/custody.db). Signing key: <database>.key unless --key or $CUSTODY_KEY.
Footage archive: --archive, else $CUSTODY_ARCHIVE, else archive/ beside the database.
Hardware: --config, else $CUSTODY_CONF, else /etc/custody-kiosk/kiosk.conf, else ~/.config/custody-kiosk/kiosk.conf.

Exit codes: 0 success; 1 refused by a rule or input rejected; 2 usage error; 3 audit chain tampered;
4 database, key, file or hardware problem; 5 status found something that needs attention.
)";

const std::map<std::string, Command>& commands() {
    static const std::map<std::string, Command> table = {
        {"init", cmd_init},         {"import", cmd_import},   {"checkout", cmd_checkout}, {"return", cmd_return},
        {"health", cmd_health},     {"ledger", cmd_ledger},   {"overdue", cmd_overdue},   {"devices", cmd_devices},
        {"verify", cmd_verify},     {"badge", cmd_badge},     {"officer", cmd_officer},   {"profile", cmd_profile},
        {"demo", cmd_demo},         {"hw", cmd_hw},           {"offload", cmd_offload},
        {"retention", cmd_retention}, {"evidence", cmd_evidence},   {"interruption", cmd_interruption},
        {"pin", cmd_pin},           {"reconcile", cmd_reconcile}, {"quarantine", cmd_quarantine},
        {"release", cmd_release},   {"fault", cmd_fault},     {"report", cmd_report},
        {"sim", cmd_sim},           {"printers", cmd_printers}, {"allocation", cmd_allocation}, {"assets", cmd_assets}, {"repair", cmd_repair}, {"compensation", cmd_compensation},
        {"backup", cmd_backup},     {"restore", cmd_restore}, {"status", cmd_status}, {"maintenance", cmd_maintenance},
    };
    return table;
}

int run(int argc, char** argv) {
    // The upkeep timer and an administrator's scripts run custodyctl as services: their
    // log lines then reach the journal with their custody fields.
    service::log_to_journal_under_systemd();
    CliContext ctx;
    ctx.lang = lang_from_environment();
    std::string db, key, archive;
    if (const char* e = std::getenv("CUSTODY_DB"); e && *e) db = e;
    if (const char* e = std::getenv("CUSTODY_KEY"); e && *e) key = e;
    int i = 1;
    for (; i < argc; ++i) {
        std::string w = argv[i];
        auto value = [&]() -> const char* { return i + 1 < argc ? argv[++i] : nullptr; };
        if (w == "--help" || w == "-h" || w == "help") {
            ctx.out << (ctx.zh() ? kHelpZh : kHelpEn);
            return kExitOk;
        }
        if (w == "--db" || w == "--key" || w == "--lang" || w == "--archive") {
            const char* v = value();
            if (!v) return ctx.report(usage(w + " needs a value"));
            if (w == "--db") db = v;
            else if (w == "--key") key = v;
            else if (w == "--archive") archive = v;
            else if (std::strcmp(v, "en") == 0) ctx.lang = Lang::En;
            else if (std::strcmp(v, "zh") == 0) ctx.lang = Lang::Zh;
            else return ctx.report(usage("--lang is zh or en"));
            continue;
        }
        break;
    }
    if (i >= argc) {
        ctx.err << (ctx.zh() ? kHelpZh : kHelpEn);
        return kExitUsage;
    }
    if (db.empty()) db = default_db_path();
    ctx.paths = db::StorePaths::for_db(db);
    if (!key.empty()) ctx.paths.key = key;
    ctx.archive_root = archive.empty() ? default_archive_root(db) : archive;
    if (auto owner = act_as_store_owner(ctx.paths.db); !owner) return ctx.report(owner.error());
    auto it = commands().find(argv[i]);
    if (it == commands().end()) return ctx.report(usage(std::string("unknown command ") + argv[i]));
    std::vector<std::string> words(argv + i + 1, argv + argc);
    return it->second(ctx, words);
}

}  // namespace
}  // namespace custody::cli

int main(int argc, char** argv) { return custody::cli::run(argc, argv); }
