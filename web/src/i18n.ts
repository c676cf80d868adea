/**
 * Dashboard text (zh-CN default, English switch). Every visible string goes through `t()`; chart words
 * come from `web/charts/labels.ts`. The language is chosen from `?lang=`, then localStorage, then zh-CN,
 * and persisted in localStorage when the user switches. Term names (coefficients, methods, matrices)
 * come from the one glossary, src/i18n/glossary.ts.
 */
import { termLabel } from "../../src/i18n/glossary.js";
import type { Locale } from "../charts/api-types.js";

/** Variant, group-method and matrix names of a language, from the glossary. */
function terms(lang: Locale) {
  return {
    variants: {
      leontief: termLabel("variant_leontief", lang),
      ghosh_sensitivity: termLabel("variant_ghosh_sensitivity", lang),
      weighted: termLabel("variant_weighted", lang),
    },
    groupMethods: {
      two_block: termLabel("two_block", lang),
      merge: termLabel("merge", lang),
      weighted_mean: termLabel("weighted_mean", lang),
    },
    matrices: {
      A: `${termLabel("direct_input_coefficients", lang)} A`,
      L: `${termLabel("leontief_inverse", lang)} L`,
    },
  };
}

export interface Messages {
  readonly appTitle: string;
  readonly appSubtitle: string;
  readonly switchLanguage: string;
  readonly nav: {
    readonly io: string;
    readonly scale: string;
    readonly index: string;
    readonly region: string;
    readonly tiers: string;
    readonly econometrics: string;
    readonly comingLater: string;
  };
  readonly auth: {
    readonly signIn: string;
    readonly signOut: string;
    readonly title: string;
    readonly intro: string;
    readonly userName: string;
    readonly password: string;
    readonly submit: string;
    readonly signingIn: string;
    readonly failed: string;
    readonly signOutFailed: string;
    readonly signedInAs: string;
    readonly roles: Readonly<Record<"viewer" | "analyst" | "admin", string>>;
  };
  readonly io: {
    readonly title: string;
    readonly intro: string;
    readonly table: string;
    readonly year: string;
    readonly allYears: string;
    readonly group: string;
    readonly groupHint: string;
    readonly groupInvalid: string;
    readonly variant: string;
    readonly groupMethod: string;
    readonly matrix: string;
    readonly family: string;
    readonly variants: Readonly<Record<string, string>>;
    readonly groupMethods: Readonly<Record<string, string>>;
    readonly matrices: Readonly<Record<string, string>>;
    readonly families: Readonly<Record<string, string>>;
    readonly loading: string;
    readonly noTables: string;
    readonly error: string;
    readonly blockInfluence: string;
    readonly blockSensitivity: string;
    readonly totalOutput: string;
    readonly blockOutputShare: string;
    readonly sectorTable: string;
    readonly sectorTableHint: string;
    readonly code: string;
    readonly name: string;
    readonly influence: string;
    readonly sensitivity: string;
    readonly output: string;
    readonly digitalTag: string;
    readonly provenance: string;
    readonly publisher: string;
    readonly dataset: string;
    readonly file: string;
    readonly sha256: string;
    readonly method: string;
    readonly parameters: string;
    readonly computedAt: string;
    readonly software: string;
    readonly licence: string;
    readonly diagnostics: string;
    readonly noDiagnostics: string;
    readonly matrixTooLarge: (n: number) => string;
  };
  readonly index: {
    readonly title: string;
    readonly intro: string;
    readonly fusionTitle: string;
    readonly fusionIntro: string;
    readonly fusionSource: (tables: number, from: number, to: number, codes: string) => string;
    readonly fusionBase: (baseYear: number, decomposition: string, computedAt: string) => string;
    readonly windows: string;
    readonly windowText: (from: number, to: number, index: string, gdp: string, gap: string) => string;
    readonly multipleText: (from: number, to: number, ratio: string) => string;
    readonly crossing: string;
    readonly crossingText: (computed: number | null, printed: number | null) => string;
    readonly notComparable: string;
    readonly fusionReproTitle: string;
    readonly fusionReproHint: string;
    readonly noFusionReproduction: string;
    readonly components: Readonly<Record<string, string>>;
    readonly cycleTitle: string;
    readonly loading: string;
    readonly error: string;
    readonly cycleCaption: (dataset: string, computedAt: string) => string;
    readonly episodes: string;
    readonly noEpisodes: string;
    readonly reproductionTitle: string;
    readonly reproductionHint: string;
    readonly noReproduction: string;
    readonly columns: {
      readonly ref: string;
      readonly quantity: string;
      readonly computed: string;
      readonly printed: string;
      readonly status: string;
      readonly reason: string;
    };
    readonly quantities: Readonly<Record<string, string>>;
    readonly series: Readonly<Record<string, string>>;
    readonly qualifiers: Readonly<Record<string, string>>;
    readonly statuses: Readonly<Record<string, string>>;
    readonly phaseOf: (phase: string) => string;
    readonly citation: string;
    readonly weightsTitle: string;
    readonly weightsIntro: string;
    readonly weightsSignIn: string;
    readonly file: string;
    readonly method: string;
    readonly methods: Readonly<Record<string, string>>;
    readonly directions: string;
    readonly directionsHint: string;
    readonly compute: string;
    readonly computing: string;
    readonly noFile: string;
    readonly failed: string;
    readonly summary: (observations: number, entities: number, years: string) => string;
    readonly explained: (share: string) => string;
    readonly indicator: string;
    readonly direction: string;
    readonly benefit: string;
    readonly cost: string;
    readonly weight: string;
    readonly extra: Readonly<Record<string, string>>;
    readonly diagnostics: string;
    readonly noDiagnostics: string;
    readonly provenance: string;
  };
  readonly region: {
    readonly title: string;
    readonly intro: string;
    readonly year: string;
    readonly colorBy: string;
    readonly colorByOptions: Readonly<Record<"tier" | "score", string>>;
    readonly loading: string;
    readonly error: string;
    readonly mapTitle: string;
    readonly mapHint: string;
    readonly rankingTitle: string;
    readonly rankingHint: (runs: number, seed: number) => string;
    readonly columns: {
      readonly rank: string;
      readonly province: string;
      readonly score: string;
      readonly tier: string;
      readonly rankChange: string;
      readonly interval: string;
      readonly digitalShare: string;
    };
    readonly newEntry: string;
    readonly rankChangeTitle: (change: number) => string;
    readonly uncertaintyTitle: string;
    readonly uncertaintyHint: string;
    readonly disparityTitle: string;
    readonly disparityHint: string;
    readonly cv: string;
    readonly theil: string;
    readonly gini: string;
    readonly noDisparity: string;
    readonly tiersTitle: string;
    readonly tierText: (count: number, mean: string) => string;
    readonly weightsTitle: string;
    readonly catalogueTitle: string;
    readonly catalogueHint: string;
    readonly pillar: string;
    readonly status: string;
    readonly indicators: string;
    readonly anchors: string;
    readonly noAnchors: string;
    readonly anchorYear: (year: number) => string;
    readonly provenance: string;
    readonly diagnostics: string;
  };
  readonly tiers: {
    readonly title: string;
    readonly intro: string;
    readonly controlsTitle: string;
    readonly table: string;
    readonly tables: Readonly<Record<string, string>>;
    readonly scheme: string;
    readonly schemes: Readonly<Record<"five" | "three", string>>;
    readonly method: string;
    readonly methods: Readonly<Record<"hac" | "thresholds", string>>;
    readonly linkage: string;
    readonly linkages: Readonly<Record<"ward" | "complete" | "average" | "single", string>>;
    readonly k: string;
    readonly kHint: string;
    readonly run: string;
    readonly computing: string;
    readonly loading: string;
    readonly failed: string;
    readonly invalidK: string;
    readonly dendrogramTitle: string;
    readonly dendrogramHint: string;
    readonly noTree: string;
    readonly treeLine: (merges: number, cophenetic: string) => string;
    readonly mapTitle: string;
    readonly mapHint: string;
    readonly sizesTitle: string;
    readonly tier: string;
    readonly computed: string;
    readonly printed: string;
    readonly agreement: (agree: number, compared: number, ari: string) => string;
    readonly noAgreement: string;
    readonly differing: string;
    readonly differingItem: (computed: string, printed: string) => string;
    readonly excluded: string;
    readonly cutPoints: string;
    readonly features: string;
    readonly uploadTitle: string;
    readonly uploadHint: string;
    readonly file: string;
    readonly upload: string;
    readonly noFile: string;
    readonly uploaded: (file: string) => string;
    readonly diagnostics: string;
    readonly provenance: string;
    readonly structureTitle: string;
    readonly structureHint: string;
    readonly contributionsHint: string;
    readonly costTitle: string;
    readonly costHint: string;
    readonly scatterHint: string;
    readonly costInput: string;
    readonly costUploadTitle: string;
    readonly costUploadHint: string;
    readonly costFile: string;
    readonly costUpload: string;
  };
  readonly econometrics: {
    readonly title: string;
    readonly intro: string;
    readonly productivityTitle: string;
    readonly productivityHint: string;
    readonly productivityIndexTitle: string;
    readonly productivityIndexHint: string;
    readonly tfpTitle: string;
    readonly tfpHint: string;
    readonly tfpPwtNote: string;
    readonly tfpParameters: string;
    readonly forecastTitle: string;
    readonly forecastHint: string;
    readonly order: string;
    readonly orderHint: string;
    readonly horizon: string;
    readonly y: string;
    readonly xreg: string;
    readonly growth: string;
    readonly sd: string;
    readonly file: string;
    readonly fileHint: string;
    readonly run: string;
    readonly computing: string;
    readonly loading: string;
    readonly failed: string;
    readonly invalid: string;
    readonly scenario: string;
    readonly scenarioName: (growth: number, sd: number) => string;
    readonly points: string;
    readonly draws: string;
    readonly coefficients: string;
    readonly verifiedAgainst: string;
    readonly diagnostics: string;
    readonly provenance: string;
    readonly publishedTitle: string;
    readonly publishedHint: string;
    readonly publishedNote: string;
    readonly publishedUnavailable: string;
    readonly noPublished: string;
    readonly costRatio: string;
    readonly citation: string;
  };
}

const zhCN: Messages = {
  appTitle: "数实",
  appSubtitle: "数字经济与数实融合测度",
  switchLanguage: "English",
  nav: {
    io: "投入产出关联",
    scale: "数字经济规模",
    index: "融合指数",
    region: "区域评价",
    tiers: "产业分层",
    econometrics: "计量与预测",
    comingLater: "即将推出",
  },
  auth: {
    signIn: "登录",
    signOut: "退出登录",
    title: "登录",
    intro: "此服务器需要登录后才能查看数据。请输入管理员为你创建的用户名和密码。",
    userName: "用户名",
    password: "密码",
    submit: "登录",
    signingIn: "正在登录…",
    failed: "登录失败",
    signOutFailed: "退出登录失败",
    signedInAs: "当前用户",
    roles: { viewer: "查看者", analyst: "分析员", admin: "管理员" },
  },
  io: {
    title: "投入产出关联分析",
    intro: "数字部门的影响力系数与感应度系数、关键部门识别和系数矩阵。悬停图表可查看数据来源。",
    table: "投入产出表",
    year: "年份",
    allYears: "全部年份",
    group: "部门组",
    groupHint: "digital（数字部门 S20、S32）或逗号分隔的部门代码，如 S20,S32,S21",
    groupInvalid: "部门组格式不正确",
    variant: "系数口径",
    groupMethod: "合并方法",
    matrix: "矩阵",
    family: "序列来源",
    ...terms("zh-CN"),
    families: { nbs: "国家统计局表", oecd: "OECD 表" },
    loading: "加载中…",
    noTables: "暂无投入产出表数据集。",
    error: "数据加载失败",
    blockInfluence: "部门组影响力系数",
    blockSensitivity: "部门组感应度系数",
    totalOutput: "总产出",
    blockOutputShare: "部门组产出占比",
    sectorTable: "部门系数表",
    sectorTableHint: "点击表头排序；红色标记为部门组成员。",
    code: "代码",
    name: "名称",
    influence: termLabel("influence_coefficient", "zh-CN"),
    sensitivity: termLabel("sensitivity_coefficient", "zh-CN"),
    output: termLabel("gross_output", "zh-CN"),
    digitalTag: "部门组",
    provenance: "数据来源与计算记录",
    publisher: "发布机构",
    dataset: termLabel("dataset", "zh-CN"),
    file: "源文件",
    sha256: "SHA-256",
    method: "方法",
    parameters: "参数",
    computedAt: "计算时间",
    software: "软件版本",
    licence: "许可",
    diagnostics: "数值诊断",
    noDiagnostics: "无",
    matrixTooLarge: (n) => `该表有 ${n} 个部门，矩阵过大，不绘制热力图（可通过 API /api/io/matrix 获取）。`,
  },
  index: {
    title: "融合指数：与GDP对比、增长周期与技术性疲软",
    intro:
      "上：实数融合发展指数的公开数据近似与GDP指数对比，旁列信通院公布值；中：国家统计局名义国内生产总值的同比增速，按种子文献的规则标出技术性疲软年份，并与文献印刷的周期阶段和融合指数的增长算术对照；下：上传自己的指标表计算权重。悬停图表可查看数据来源。",
    fusionTitle: "实数融合发展指数（公开数据近似）与GDP指数",
    fusionIntro:
      "信通院的指数由未公开的分项数据编制。这里用公开数据近似：OECD 投入产出表中数字产品的最终消费、投资与净出口之和，按基期 = 100 编成指数，与同表增加值（GDP）指数对比。",
    fusionSource: (n, from, to, codes) =>
      `数据：${n} 张 OECD 投入产出表（中国，${from}—${to}，2021 年版），数字产品 ${codes} 的最终消费、投资与净出口；当年价，百万美元。`,
    fusionBase: (b, d, at) => `基期 ${b} = 100；分项口径 ${d}；计算时间 ${at}。`,
    windows: "年均增速（融合指数 / GDP指数，差）",
    windowText: (from, to, index, gdp, gap) => `${from}—${to}：${index}% / ${gdp}%，${gap} 个百分点`,
    multipleText: (from, to, ratio) => `${to} 年融合指数为 ${from} 年的 ${ratio} 倍。`,
    crossing: "超过GDP指数的年份",
    crossingText: (c, p) =>
      `${c === null ? "窗口内未超过" : `${c} 年`}${p === null ? "" : `（信通院印刷为“${p} 年前后”）`}`,
    notComparable:
      "菱形为信通院公布值（右轴）：由不同的、未公开的数据和口径编制，与近似值的水平不可比，只能对照方向与量级；两者不合并为一条序列。交叉年份取决于基期的选择。",
    fusionReproTitle: "与文献对照（复现表第 4—8 行）",
    fusionReproHint: "近似值与信通院印刷值并列，附状态、原因和出处；近似值与印刷值口径不同，状态为“近似”。",
    noFusionReproduction: "复现表中没有第 4—8 行。",
    components: { investment: "数字投资", consumption: "数字最终消费", netExports: "数字净出口" },
    cycleTitle: "增长周期与技术性疲软",
    loading: "加载中…",
    error: "数据加载失败",
    cycleCaption: (dataset, computedAt) =>
      `规则：增速连续两年下滑（g_t < g_{t−1} < g_{t−2}）的年份记为技术性疲软（种子 000 §二(一)2，图3）。数据：${dataset}，计算时间 ${computedAt}。`,
    episodes: "疲软阶段",
    noEpisodes: "无",
    reproductionTitle: "与文献对照（复现表第 5、9 行）",
    reproductionHint: "计算值与文献印刷值（或由印刷内容推得的对照值）并列，附状态、原因和出处。",
    noReproduction: "复现表中没有第 5、9 行。",
    columns: {
      ref: "行",
      quantity: "指标",
      computed: "计算值",
      printed: "印刷值/对照",
      status: "状态",
      reason: "原因与出处",
    },
    quantities: {
      growth_multiple: "融合指数增长倍数",
      cagr: "融合指数年均增速（%）",
      cagr_gap: "高于GDP增速（百分点）",
      weak_episode: "技术性疲软阶段（年数）",
      crossing_year: "超过GDP指数的年份",
      component_cagr: "分项年均增速（%）",
      index_level: "指数或分项指数的水平值",
    },
    series: { real_gdp_growth: "实际GDP增速", nominal_gdp_growth: "名义GDP增速" },
    qualifiers: { about: "约", nearly: "近" },
    statuses: {
      match: "一致",
      gap: "有差距",
      no_table: "无可比数据",
      approximate: "近似",
      reproduced: "已复现",
      not_comparable: "不可直接比较",
    },
    phaseOf: (phase) => `文献阶段 ${phase}`,
    citation: "出处",
    weightsTitle: "指标赋权工具",
    weightsIntro:
      "上传指标表（CSV 或 XLSX：entity 列、可选 year 列，其后每列一个指标），选择赋权方法，得到各指标权重与诊断。文件只用于本次计算，不会存入数据库。",
    weightsSignIn: "上传计算需要以分析员或管理员身份登录。",
    file: "指标表文件",
    method: "赋权方法",
    methods: { entropy: "熵权法", critic: "CRITIC 法", pca: "主成分分析（PCA）", equal: "等权" },
    directions: "逆向指标（可选）",
    directionsHint: "如 能耗:-,排放:-；未列出的指标为正向",
    compute: "计算权重",
    computing: "计算中…",
    noFile: "请先选择指标表文件。",
    failed: "计算失败",
    summary: (o, e, y) => `${o} 个观测，${e} 个对象${y === "" ? "" : `，年份 ${y}`}`,
    explained: (share) => `第一主成分解释方差占比 ${share}`,
    indicator: "指标",
    direction: "方向",
    benefit: "正向",
    cost: "逆向",
    weight: "权重",
    extra: {
      entropy: "信息熵 e",
      divergence: "差异系数 1 − e",
      sd: "标准差",
      conflict: "冲突性",
      information: "信息量",
      loading: "载荷",
    },
    diagnostics: "数值诊断",
    noDiagnostics: "无",
    provenance: "数据来源与计算记录",
  },
  region: {
    title: "区域评价（“2135+N”，公开数据可填部分）",
    intro:
      "31 个省份在“2135+N”框架下的评价：公开数据能填的支柱（数字产业化：数字部门占各省总产出的比重，来自省级投入产出表）给出得分、排名、梯队与差异，并以蒙特卡洛给出排名区间与 Sobol 敏感性；公开数据无法填充的支柱如实列出，附种子文献印刷的全国锚定值。",
    year: "年份",
    colorBy: "着色依据",
    colorByOptions: { tier: "梯队", score: "综合得分" },
    loading: "加载中…",
    error: "数据加载失败",
    mapTitle: "省级方格地图",
    mapHint: "每个方格为一个省份，位置大致按地理方位排列（北上南下、西左东右），面积相同；方格上为简称与综合得分。",
    rankingTitle: "排名表",
    rankingHint: (runs, seed) =>
      `排名区间为蒙特卡洛 ${runs} 次基础样本（种子 ${seed}）中排名的 5%—95% 分位；排名变化与上一个基准年相比（正数为上升）。`,
    columns: {
      rank: "排名",
      province: "省份",
      score: "综合得分",
      tier: "梯队",
      rankChange: "排名变化",
      interval: "5%—95% 排名区间",
      digitalShare: "数字部门总产出占比（%）",
    },
    newEntry: "—",
    rankChangeTitle: (c) => (c > 0 ? `上升 ${c} 位` : c < 0 ? `下降 ${-c} 位` : "不变"),
    uncertaintyTitle: "不确定性与敏感性",
    uncertaintyHint:
      "在标准化方法、赋权方法、权重扰动、汇总方法和剔除一个指标之间随机组合重算排名；区间越宽，排名越依赖分析选择。Sobol 指数给出各项选择对排名方差的贡献。",
    disparityTitle: "区域差异",
    disparityHint: "综合得分在 31 个省份间的离散程度（0 为完全均等）。",
    cv: "变异系数（总体）",
    theil: "泰尔指数 T",
    gini: "基尼系数",
    noDisparity: "无法计算",
    tiersTitle: "梯队（Ward 聚类）",
    tierText: (n, mean) => `${n} 个省份，平均得分 ${mean}`,
    weightsTitle: "指标权重",
    catalogueTitle: "“2135+N”指标目录",
    catalogueHint:
      "逐一列出框架的各个支柱及其状态。没有公开省级数据的支柱不作估算、不计入得分，只列出种子文献印刷的全国锚定值。",
    pillar: "支柱",
    status: "状态",
    indicators: "指标",
    anchors: "全国锚定值（种子文献印刷）",
    noAnchors: "种子文献未印刷全国数值",
    anchorYear: (y) => `${y}年`,
    provenance: "数据来源与计算记录",
    diagnostics: "数值诊断",
  },
  tiers: {
    title: "产业分层",
    intro:
      "按数字化投入与产出把 42 个部门分层：层次聚类（欧氏距离，特征先取对数再标准化）或按数字化投入占比的分界点分层，并与文献公布的层级逐个部门对照。悬停图表可查看部门数值与数据来源。",
    controlsTitle: "分层设置",
    table: "投入产出表",
    tables: {
      "cn-nbs-io-2020-42": "2020 年（42 部门）",
      "cn-nbs-io-2018-42": "2018 年（42 部门）",
      "cn-nbs-io-2017-42": "2017 年（42 部门）",
      "cn-nbs-io-2015-42": "2015 年（42 部门）",
      "cn-nbs-io-2012-139": "2012 年（139 部门，合并为 42 部门）",
    },
    scheme: "分层方案",
    schemes: { five: "五层（实数融合）", three: "三层（数字化程度）" },
    method: "分层方法",
    methods: { hac: "层次聚类", thresholds: "分界点" },
    linkage: "连接方法",
    linkages: { ward: "Ward 离差平方和", complete: "全连接", average: "平均连接", single: "单连接" },
    k: "聚类数 k",
    kHint: "五层方案取 5、三层方案取 3 时才与公布层级对照",
    run: "重新分层",
    computing: "计算中…",
    loading: "加载中…",
    failed: "计算失败",
    invalidK: "聚类数须为 2 至 41 之间的整数。",
    dendrogramTitle: "聚类树",
    dendrogramHint:
      "横轴为部门（按树叶顺序），纵轴为合并高度；同一计算层级内的分支着该层颜色，跨层合并为灰色，虚线为切分成 k 类的高度。",
    noTree: "按分界点分层没有聚类树：请选择层次聚类查看。",
    treeLine: (m, c) => `合并 ${m} 次 · 共表相关系数 ${c}`,
    mapTitle: "计算的层级与公布的层级",
    mapHint:
      "每列一个部门：上行为计算的层级，下行为文献公布的层级；红色代码和圆圈表示两者不一致，颜色较浅的格子为由排除法推定的公布层级。",
    sizesTitle: "各层部门数",
    tier: "层级",
    computed: "计算",
    printed: "公布",
    agreement: (a, c, ari) => `与公布层级一致：${a}/${c} 个部门，调整兰德指数 ${ari}`,
    noAgreement: "此设置没有可对照的公布层级。",
    differing: "不一致的部门",
    differingItem: (c, p) => `计算为${c}，公布为${p}`,
    excluded: "因特征缺失未分层",
    cutPoints: "分界点",
    features: "特征",
    uploadTitle: "上传自己的特征表",
    uploadHint:
      "CSV 首行为列名，第一列为行标签，其余各列为数值特征；按上面的连接方法和聚类数聚类（特征按 z 分数标准化，需要分析员登录）。",
    file: "特征表（CSV）",
    upload: "聚类",
    noFile: "请先选择一个文件。",
    uploaded: (f) => `上传的表：${f}`,
    diagnostics: "数值诊断",
    provenance: "数据来源与计算记录",

    structureTitle: "各层级的增加值结构",
    structureHint:
      "层级成员固定，逐年计算各层增加值占比：有投入产出表的年份直接取表，其余年份在相邻两表之间线性插值（浅色斜纹）。右侧菱形为文献公布的占比，单独画出，不并入计算序列。",
    contributionsHint: "某层对增加值增长的贡献率 = 该层增加值增量 ÷ 全部增加值增量；菱形为文献公布的贡献率。",
    costTitle: "数字化成本收益",
    costHint:
      "各层部门成本率与成本费用利润率的简单平均（全部部门，以及不含初级产品部门），菱形为文献公布的 2023 年上市公司数值。",
    scatterHint:
      "每点为一个部门年份：横轴为数字化投入占比（对数轴），纵轴为成本率；副标题为成本率对数字化投入的回归斜率。",
    costInput: "输入数据",
    costUploadTitle: "上传企业财务面板",
    costUploadHint:
      "CSV 的列同 data/templates/costbenefit-financials.csv；按同样的方法计算各层比率与回归（需要分析员登录）。",
    costFile: "企业财务面板（CSV）",
    costUpload: "计算",
  },
  econometrics: {
    title: "计量与预测",
    intro:
      "用国家统计局公开数据计算的全员劳动生产率（与统计公报公布值并列）、ARIMAX 预测扇形图（可调整阶数、预测期数和外生变量的增长情景，或上传自己的数据表），以及信通院公布但无法复现的情景路径。悬停图表可查看数据来源。",
    productivityTitle: "全员劳动生产率：计算值与公布值",
    productivityHint:
      "计算值 = 不变价 GDP ÷ 年初年末平均就业人员；公布值取自统计公报，两者并列而不合并。差异 = 计算值 ÷ 公布值 − 1。",
    productivityIndexTitle: "劳动生产率与实数融合指数：回归与格兰杰检验",
    productivityIndexHint:
      "每点为一年：横轴为本系统用 OECD 投入产出表构建的公开数据实数融合指数（2016 = 100），纵轴为佩恩世界表 10.01 的每就业人员实际 GDP（rgdpna ÷ emp）。直线为 OLS 拟合；格兰杰检验在对数差分序列上双向进行，滞后阶数按 AIC 选择。信通院公布的斜率并列显示，它所依据的年度指数未公开，无法复现。水平值趋势相同会使回归拟合度虚高，请结合诊断信息阅读。",
    tfpTitle: "全要素生产率增长核算（PWT 10.01）",
    tfpHint:
      "索洛余值：g_A = g_Y − s_K·g_K − (1 − s_K)·g_L，增速取对数差分，资本份额 s_K 取 1 − 劳动份额（labsh）的相邻两年平均（Törnqvist）；产出 rgdpna、资本存量 rnna、就业人数 emp，均取自佩恩世界表 10.01（中国）。TFP 贡献率 = g_A ÷ g_Y。PWT 自己的 TFP 指数（rtfpna）以人力资本调整劳动投入、以资本服务而非资本存量度量资本，因此两者并列而不合并，数值不同属正常。",
    tfpPwtNote: "PWT 的 rtfpna 以人力资本调整劳动、采用资本服务，故与本系统的核算不同",
    tfpParameters: "核算参数",
    forecastTitle: "ARIMAX 预测扇形图",

    forecastHint:
      "默认：第三产业增加值对国内生产总值的带 ARIMA(1,1,0) 误差回归（国家统计局年度数据），预测 7 年；GDP 按年均增速及其标准差模拟（情景扇形）。上传 CSV 时首行为列名，需含上面的被解释变量列和外生变量列（需要分析员登录）。",
    order: "阶数 p,d,q",
    orderHint: "如 1,1,0；auto 为自动选择",
    horizon: "预测期数",
    y: "被解释变量列",
    xreg: "外生变量列",
    growth: "情景年均增速（%）",
    sd: "增速标准差（百分点）",
    file: "数据表（可选，CSV/XLSX）",
    fileHint: "不选文件则用内置的国家统计局年度数据",
    run: "重新预测",
    computing: "计算中…",
    loading: "加载中…",
    failed: "计算失败",
    invalid: "请检查预测期数（1–100 的整数）、增速和标准差（不小于 0）。",
    scenario: "情景",
    scenarioName: (g, s) => `增速 ${(g * 100).toFixed(1)}% ± ${(s * 100).toFixed(1)} 个百分点`,
    points: "个百分点",
    draws: "次模拟",
    coefficients: "系数（标准误）",
    verifiedAgainst: "已对照验证",
    diagnostics: "数值诊断",
    provenance: "数据来源与计算记录",
    publishedTitle: "信通院公布的情景路径（公布值，不可复现）",
    publishedHint:
      "《中国数字经济发展研究报告（2025年）》§三(三) 图9 的实体经济主营业务成本率情景预测：2023 年为基期，2027 年和 2030 年为预测值。",
    publishedNote: "仅为公布值：信通院所用的分行业数字资本序列未公开，本系统不计算、也无法复现这条路径。",
    publishedUnavailable: "公布值暂不可用",
    noPublished: "复现对照表中没有这条公布的情景路径。",
    costRatio: "实体经济主营业务成本率",
    citation: "出处",
  },
};

const en: Messages = {
  appTitle: "shushi",
  appSubtitle: "Measuring the digital economy and real–digital integration",
  switchLanguage: "中文",
  nav: {
    io: "IO linkages",
    scale: "Digital-economy scale",
    index: "Integration index",
    region: "Regions",
    tiers: "Sector tiers",
    econometrics: "Econometrics",
    comingLater: "coming later",
  },
  auth: {
    signIn: "Sign in",
    signOut: "Sign out",
    title: "Sign in",
    intro:
      "This server needs you to sign in before it shows any data. Use the user name and password your administrator created for you.",
    userName: "User name",
    password: "Password",
    submit: "Sign in",
    signingIn: "Signing in…",
    failed: "Sign-in failed",
    signOutFailed: "Sign-out failed",
    signedInAs: "Signed in as",
    roles: { viewer: "viewer", analyst: "analyst", admin: "administrator" },
  },
  io: {
    title: "Input–output linkage analysis",
    intro:
      "Influence and sensitivity of the digital block, key sectors and coefficient matrices. Hover a chart for provenance.",
    table: "IO table",
    year: "Year",
    allYears: "All years",
    group: "Sector group",
    groupHint: "digital (S20, S32) or a comma list of sector codes, e.g. S20,S32,S21",
    groupInvalid: "Invalid sector group",
    variant: "Variant",
    groupMethod: "Group method",
    matrix: "Matrix",
    family: "Series family",
    ...terms("en"),
    families: { nbs: "NBS tables", oecd: "OECD tables" },
    loading: "Loading…",
    noTables: "No input–output table datasets yet.",
    error: "Could not load data",
    blockInfluence: "Group influence",
    blockSensitivity: "Group sensitivity",
    totalOutput: "Total output",
    blockOutputShare: "Group share of output",
    sectorTable: "Sector coefficients",
    sectorTableHint: "Click a header to sort; red marks group members.",
    code: "Code",
    name: "Name",
    influence: termLabel("influence_coefficient", "en"),
    sensitivity: termLabel("sensitivity_coefficient", "en"),
    output: termLabel("gross_output", "en"),
    digitalTag: "group",
    provenance: "Provenance",
    publisher: "Publisher",
    dataset: termLabel("dataset", "en"),
    file: "Source file",
    sha256: "SHA-256",
    method: "Method",
    parameters: "Parameters",
    computedAt: "Computed at",
    software: "Software",
    licence: "Licence",
    diagnostics: "Numerical diagnostics",
    noDiagnostics: "none",
    matrixTooLarge: (n) =>
      `This table has ${n} sectors: the matrix is too large for a heatmap (get it from /api/io/matrix).`,
  },
  index: {
    title: "Integration index: against GDP, growth cycle and technical weakness",
    intro:
      "Top: a public-data proxy of the real–digital integration index against the GDP index, with CAICT's published values beside it; middle: year-on-year growth of NBS nominal GDP with the technically weak years flagged by the seed's rule, set against the phases the seed prints and the arithmetic of the integration index's headline; bottom: weight your own indicator table. Hover a chart for provenance.",
    fusionTitle: "Real–digital integration index (public-data proxy) and GDP index",
    fusionIntro:
      "CAICT builds its index from components it does not publish. This proxy uses public data: digital products' final consumption, investment and net exports in the OECD input–output tables, indexed to a base year = 100 and set against the tables' value-added (GDP) index.",
    fusionSource: (n, from, to, codes) =>
      `Data: ${n} OECD input–output tables (China, ${from}–${to}, 2021 edition), final consumption, investment and net exports of digital products ${codes}; current prices, USD million.`,
    fusionBase: (b, d, at) => `Base ${b} = 100; sub-indices ${d}; computed at ${at}.`,
    windows: "Average annual growth (index / GDP index, gap)",
    windowText: (from, to, index, gdp, gap) => `${from}–${to}: ${index}% / ${gdp}%, ${gap} points`,
    multipleText: (from, to, ratio) => `In ${to} the index stands at ${ratio} times its ${from} level.`,
    crossing: "Year the index overtakes the GDP index",
    crossingText: (c, p) =>
      `${c === null ? "not within the window" : String(c)}${p === null ? "" : ` (CAICT prints "about ${p}")`}`,
    notComparable:
      "Diamonds are CAICT's published values (right axis): built from different, unpublished data and definitions, their levels are not comparable with the proxy — only direction and order of magnitude are; the two are never merged into one series. The crossing year depends on the base year chosen.",
    fusionReproTitle: "Against the source (reproduction rows 4–8)",
    fusionReproHint:
      'The proxy beside CAICT\'s printed values, with status, reason and source; the proxy and the printed values differ in data and definitions, hence "approximate".',
    noFusionReproduction: "The reproduction table has no rows 4–8.",
    components: {
      investment: "digital investment",
      consumption: "digital final consumption",
      netExports: "digital net exports",
    },
    cycleTitle: "Growth cycle and technical weakness",
    loading: "Loading…",
    error: "Could not load data",
    cycleCaption: (dataset, computedAt) =>
      `Rule: a year is technically weak when growth fell two years running (g_t < g_{t−1} < g_{t−2}; seed 000 §二(一)2, 图3). Data: ${dataset}, computed at ${computedAt}.`,
    episodes: "Weak episodes",
    noEpisodes: "none",
    reproductionTitle: "Against the source (reproduction rows 5 and 9)",
    reproductionHint:
      "Computed values beside the printed ones (or the value derived from the printed text), with status, reason and source.",
    noReproduction: "The reproduction table has no rows 5 or 9.",
    columns: {
      ref: "Row",
      quantity: "Quantity",
      computed: "Computed",
      printed: "Printed / compared",
      status: "Status",
      reason: "Reason and source",
    },
    quantities: {
      growth_multiple: "Index increase (times)",
      cagr: "Index average annual growth (%)",
      cagr_gap: "Above GDP growth (points)",
      weak_episode: "Technical-weakness episode (years)",
      crossing_year: "Year the index overtakes GDP",
      component_cagr: "Sub-index average annual growth (%)",
      index_level: "Level of the index or sub-index",
    },
    series: { real_gdp_growth: "real GDP growth", nominal_gdp_growth: "nominal GDP growth" },
    qualifiers: { about: "about", nearly: "nearly" },
    statuses: {
      match: "match",
      gap: "gap",
      no_table: "no comparable value",
      approximate: "approximate",
      reproduced: "reproduced",
      not_comparable: "not directly comparable",
    },
    phaseOf: (phase) => `seed's phase ${phase}`,
    citation: "Source",
    weightsTitle: "Indicator weights",
    weightsIntro:
      "Upload an indicator table (CSV or XLSX: an entity column, an optional year column, then one column per indicator), choose a weighting method and get each indicator's weight with diagnostics. The file is used for this computation only and is not stored.",
    weightsSignIn: "Computing on an upload needs an analyst or administrator sign-in.",
    file: "Indicator file",
    method: "Weighting method",
    methods: {
      entropy: "entropy weights",
      critic: "CRITIC",
      pca: "principal components (PCA)",
      equal: "equal weights",
    },
    directions: "Cost indicators (optional)",
    directionsHint: "e.g. energy:-,emissions:-; indicators not listed are benefits",
    compute: "Compute weights",
    computing: "Computing…",
    noFile: "Choose an indicator file first.",
    failed: "Computation failed",
    summary: (o, e, y) => `${o} observations, ${e} entities${y === "" ? "" : `, years ${y}`}`,
    explained: (share) => `variance explained by the first component: ${share}`,
    indicator: "Indicator",
    direction: "Direction",
    benefit: "benefit (+)",
    cost: "cost (−)",
    weight: "Weight",
    extra: {
      entropy: "Entropy e",
      divergence: "Divergence 1 − e",
      sd: "Std. deviation",
      conflict: "Conflict",
      information: "Information",
      loading: "Loading",
    },
    diagnostics: "Numerical diagnostics",
    noDiagnostics: "none",
    provenance: "Provenance",
  },
  region: {
    title: 'Regional evaluation ("2135+N", the part public data fills)',
    intro:
      "The 31 provinces under the \"2135+N\" frame: the pillar public data can fill (digital industries: the digital sectors' share of each province's gross output, from the provincial input–output tables) gives scores, ranks, tiers and disparity, with Monte-Carlo rank intervals and Sobol sensitivity; the pillars public data cannot fill are listed as such, with the national anchors the seeds print.",
    year: "Year",
    colorBy: "Colour by",
    colorByOptions: { tier: "tier", score: "composite score" },
    loading: "Loading…",
    error: "Could not load data",
    mapTitle: "Province tile map",
    mapHint:
      "One equal square per province, placed roughly by geography (north at the top, east on the right); each shows the short name and the composite score.",
    rankingTitle: "Ranking",
    rankingHint: (runs, seed) =>
      `The rank interval is the 5th–95th percentile of the ranks over ${runs} Monte-Carlo base samples (seed ${seed}); the rank change is against the previous benchmark year (positive = up).`,
    columns: {
      rank: "Rank",
      province: "Province",
      score: "Score",
      tier: "Tier",
      rankChange: "Rank change",
      interval: "5–95 % rank interval",
      digitalShare: "Digital share of gross output (%)",
    },
    newEntry: "—",
    rankChangeTitle: (c) => (c > 0 ? `up ${c}` : c < 0 ? `down ${-c}` : "unchanged"),
    uncertaintyTitle: "Uncertainty and sensitivity",
    uncertaintyHint:
      "Ranks recomputed over random combinations of normalisation, weighting method, perturbed weights, aggregation and one dropped indicator; the wider the interval, the more the rank depends on these choices. Sobol indices give each choice's share of the rank variance.",
    disparityTitle: "Regional disparity",
    disparityHint: "Dispersion of the composite score across the 31 provinces (0 = all equal).",
    cv: "Coefficient of variation (population)",
    theil: "Theil index T",
    gini: "Gini coefficient",
    noDisparity: "cannot be computed",
    tiersTitle: "Tiers (Ward clustering)",
    tierText: (n, mean) => `${n} ${n === 1 ? "province" : "provinces"}, mean score ${mean}`,
    weightsTitle: "Indicator weights",
    catalogueTitle: 'The "2135+N" catalogue',
    catalogueHint:
      "Every pillar of the frame with its status. Pillars without public provincial data are neither estimated nor scored; the national anchors the seeds print are listed instead.",
    pillar: "Pillar",
    status: "Status",
    indicators: "Indicators",
    anchors: "National anchors (printed in the seeds)",
    noAnchors: "no national figure printed in the seeds",
    anchorYear: (y) => String(y),
    provenance: "Provenance",
    diagnostics: "Numerical diagnostics",
  },
  tiers: {
    title: "Sector tiers",
    intro:
      "The 42 sectors put into tiers by their digital inputs and outputs: hierarchical clustering (Euclidean distance on logged, standardised features) or cut-points on the digital share of intermediate inputs, compared sector by sector with the tiers the literature prints. Hover a chart for the values and the provenance.",
    controlsTitle: "Settings",
    table: "input–output table",
    tables: {
      "cn-nbs-io-2020-42": "2020 (42 sectors)",
      "cn-nbs-io-2018-42": "2018 (42 sectors)",
      "cn-nbs-io-2017-42": "2017 (42 sectors)",
      "cn-nbs-io-2015-42": "2015 (42 sectors)",
      "cn-nbs-io-2012-139": "2012 (139 sectors aggregated to 42)",
    },
    scheme: "scheme",
    schemes: { five: "five tiers (integration)", three: "three tiers (digitalisation)" },
    method: "tier method",
    methods: { hac: "hierarchical clustering", thresholds: "cut-points" },
    linkage: "linkage",
    linkages: { ward: "Ward", complete: "complete", average: "average", single: "single" },
    k: "clusters k",
    kHint: "compared with the printed tiers only at 5 (five tiers) or 3 (three tiers)",
    run: "Recompute",
    computing: "Computing…",
    loading: "Loading…",
    failed: "Computation failed",
    invalidK: "k must be an integer from 2 to 41.",
    dendrogramTitle: "Dendrogram",
    dendrogramHint:
      "Sectors along x in leaf order, merge height on y; branches within one computed tier take its colour, merges across tiers are grey, the dashed line is the height that cuts the tree into k clusters.",
    noTree: "Cut-points give no tree: choose hierarchical clustering to see one.",
    treeLine: (m, c) => `${m} merges · cophenetic correlation ${c}`,
    mapTitle: "Computed and printed tiers",
    mapHint:
      "One column per sector: the computed tier on top, the printed tier below; a red code and a ring mark sectors where they differ, lighter tiles are printed tiers inferred by elimination.",
    sizesTitle: "Sectors per tier",
    tier: "tier",
    computed: "computed",
    printed: "printed",
    agreement: (a, c, ari) => `In the printed tier: ${a} of ${c} sectors, adjusted Rand index ${ari}`,
    noAgreement: "No printed tiers to compare with under these settings.",
    differing: "Differing sectors",
    differingItem: (c, p) => `computed ${c}, printed ${p}`,
    excluded: "No tier (missing feature)",
    cutPoints: "cut-points",
    features: "features",
    uploadTitle: "Cluster your own feature table",
    uploadHint:
      "A CSV with column names in the first row, row labels in the first column and numeric features in the others; clustered with the linkage and k above (features standardised as z-scores; analyst sign-in required).",
    file: "feature table (CSV)",
    upload: "Cluster",
    noFile: "Choose a file first.",
    uploaded: (f) => `uploaded table: ${f}`,
    diagnostics: "Diagnostics",
    provenance: "Provenance",

    structureTitle: "Value-added structure by tier",
    structureHint:
      "Fixed tier membership, value-added shares computed year by year: years with an input–output table come from the table, the others are interpolated linearly between the two nearest tables (light, hatched). The diamonds on the right are the printed shares, drawn apart and never merged into the computed series.",
    contributionsHint:
      "A tier's contribution to growth = the change of its value added ÷ the change of total value added; diamonds are the printed contributions.",
    costTitle: "Cost–benefit of digitalisation",
    costHint:
      "Unweighted means of the sectors' cost ratio and profit-to-cost ratio per tier (all sectors, and without the primary-product sectors); the diamonds are the printed 2023 listed-company values.",
    scatterHint:
      "One point per sector-year: digital input share on a log axis, cost ratio up; the subtitle gives the slope of the regression of the cost ratio on digital input.",
    costInput: "Input",
    costUploadTitle: "Upload an enterprise financial panel",
    costUploadHint:
      "A CSV with the columns of data/templates/costbenefit-financials.csv; the tier ratios and the regression are computed the same way (analyst sign-in required).",
    costFile: "enterprise financial panel (CSV)",
    costUpload: "Compute",
  },
  econometrics: {
    title: "Econometrics & forecasts",
    intro:
      "Labour productivity computed from public NBS data beside the communiqué values, an ARIMAX forecast fan (change the order, the horizon and the growth scenario of the regressor, or upload your own table), and CAICT's published scenario path, which cannot be reproduced. Hover a chart for its provenance.",
    productivityTitle: "Labour productivity: computed vs published",
    productivityHint:
      "Computed = constant-price GDP ÷ average employment (start and end of year); published values are the NBS communiqués', shown beside, never merged. Difference = computed ÷ published − 1.",
    productivityIndexTitle: "Labour productivity and the integration index: regression and Granger tests",
    productivityIndexHint:
      "Each point is a year: on x our public-data integration index from the OECD input–output tables (2016 = 100), on y real GDP per person engaged from Penn World Table 10.01 (rgdpna ÷ emp). The line is the OLS fit; the Granger tests run both ways on log differences, the lag order chosen by AIC. CAICT's published slope is shown beside: the annual index behind it is not public, so it cannot be reproduced. Shared trends in levels inflate the fit — read it with the diagnostics.",
    tfpTitle: "TFP growth accounting (PWT 10.01)",
    tfpHint:
      "Solow residual: g_A = g_Y − s_K·g_K − (1 − s_K)·g_L in log differences, the capital share s_K being 1 − the labour share (labsh) averaged over adjacent years (Törnqvist); output rgdpna, capital stock rnna, employment emp, all from Penn World Table 10.01 (China). TFP contribution = g_A ÷ g_Y. PWT's own TFP index (rtfpna) adjusts labour for human capital and uses capital services rather than the capital stock, so the two are shown side by side, never merged, and are expected to differ.",
    tfpPwtNote:
      "PWT's rtfpna adjusts labour for human capital and uses capital services, so it differs from our accounting",
    tfpParameters: "Parameters",
    forecastTitle: "ARIMAX forecast fan",

    forecastHint:
      "Default: tertiary-industry value added regressed on GDP with ARIMA(1,1,0) errors (NBS annual data), 7 years ahead; GDP simulated at an annual growth rate with its standard deviation (scenario fan). An uploaded CSV has column names in the first row, including the response and regressor columns above (analyst sign-in required).",
    order: "order p,d,q",
    orderHint: "e.g. 1,1,0; auto selects it",
    horizon: "horizon (years)",
    y: "response column",
    xreg: "regressor columns",
    growth: "scenario growth (% a year)",
    sd: "growth s.d. (points)",
    file: "data table (optional, CSV/XLSX)",
    fileHint: "without a file: the shipped NBS annual series",
    run: "Forecast",
    computing: "Computing…",
    loading: "Loading…",
    failed: "Computation failed",
    invalid: "Check the horizon (an integer 1–100), the growth rate and the standard deviation (at least 0).",
    scenario: "scenario",
    scenarioName: (g, s) => `growth ${(g * 100).toFixed(1)}% ± ${(s * 100).toFixed(1)} pp`,
    points: "pp",
    draws: "draws",
    coefficients: "coefficients (s.e.)",
    verifiedAgainst: "verified against",
    diagnostics: "Diagnostics",
    provenance: "Provenance",
    publishedTitle: "CAICT's published scenario path (published, not reproducible)",
    publishedHint:
      "China Digital Economy Development Report (2025) §III(3), Figure 9: the real-economy main-business cost ratio under CAICT's scenario; 2023 is the base year, 2027 and 2030 are projections.",
    publishedNote:
      "Published values only: CAICT's sector digital-capital series are not public, so this path is neither computed here nor reproducible.",
    publishedUnavailable: "published values unavailable",
    noPublished: "The reproduction table has no published scenario path.",
    costRatio: "real-economy main-business cost ratio",
    citation: "source",
  },
};

const STORAGE_KEY = "shushi.lang";

/** Messages of a locale. */
export function messages(lang: Locale): Messages {
  return lang === "en" ? en : zhCN;
}

function parseLang(value: string | null | undefined): Locale | undefined {
  if (value === null || value === undefined) return undefined;
  const v = value.toLowerCase();
  if (v === "en" || v.startsWith("en-")) return "en";
  if (v === "zh" || v.startsWith("zh")) return "zh-CN";
  return undefined;
}

/** The initial language: `?lang=`, then localStorage, then zh-CN. */
export function initialLang(search: string, storage: Pick<Storage, "getItem"> | undefined): Locale {
  const fromQuery = parseLang(new URLSearchParams(search).get("lang"));
  if (fromQuery !== undefined) return fromQuery;
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    stored = null;
  }
  return parseLang(stored) ?? "zh-CN";
}

/** Persists the language choice (localStorage; ignored when storage is unavailable). */
export function persistLang(lang: Locale, storage: Pick<Storage, "setItem"> | undefined): void {
  try {
    storage?.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode or disabled storage: the choice lives in ?lang= only
  }
}
