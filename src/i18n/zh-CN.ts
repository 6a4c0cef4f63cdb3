import type { enUS } from "./en-US";

export const zhCN: typeof enUS = {
  appTitle: "应收账款管家",
  appSubtitle: "在台账中执行应收账款管理制度",
  previewBanner: "预览：内存中的示例工作簿，并非 Excel。此处的任何操作都不会保存。",
  noHostBanner: "当前不在 Excel 中运行：仅供查看界面。",
  agingClass: { normal: "正常", overdue: "逾期", stale: "呆滞", bad: "呆帐" },
  tabs: { validate: "检查", credit: "信用", notices: "通知书", policy: "制度" },
  validate: {
    title: "按制度检查应收台账",
    intro: "在本工作簿中找到应收台账，按逾期天数对每笔应收款分类、按账龄分段并计算坏账准备，然后列出不符合制度之处。",
    asOf: "基准日",
    asOfHint: "默认为上月最后一天。",
    run: "检查台账",
  },
  credit: {
    title: "客户情况调查表",
    intro: "按 32 项调查表为客户打分，每位评分人一列；信用等级和建议信用额度按制度得出。",
  },
  notices: {
    title: "催款通知书与询证函",
    intro: "将逾期的台账行按客户生成可直接打印的应收帐款催款通知书，措辞随回收可能性而定；对六个月内未对账的客户生成询证函。",
  },
  policy: {
    title: "现行制度参数",
    intro: "以下每个数字都是本工作簿可以修改的制度参数，默认值取自公司的应收账款管理制度。",
    classes: "应收账款分类（超过信用期的天数）",
    upTo: "{days} 天以内",
    above: "超过 {days} 天",
    bands: "按账龄计提比例",
    band: "账龄",
    rate: "计提比例",
    method: "计提方法",
    methods: { aging: "账龄分析法（计提坏账准备）", "direct-write-off": "直接转销法" },
  },
};
