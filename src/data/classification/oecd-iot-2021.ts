/**
 * OECD Input-Output Tables, 2021 edition: the 45 industries (ISIC Rev.4 based) as they appear in the
 * staged China tables (`oecd_iot2021_chn_YYYY.csv`, rows/columns `01`…`45`). English names are the
 * file's own `Description` column; the ISIC Rev.4 division ranges follow the OECD 2021-edition
 * industry list (D01T02 … D97T98). **Chinese names are an unofficial translation** made for this
 * project (the OECD publishes no Chinese names); they are display labels only.
 */

export interface OecdIndustry {
  /** code in the staged files: "01"…"45" */
  readonly code: string;
  /** OECD ISIC Rev.4 code range, e.g. "D26" */
  readonly isic4: string;
  readonly nameEn: string;
  /** unofficial translation */
  readonly nameZh: string;
}

export const OECD_IOT_2021_INDUSTRIES: readonly OecdIndustry[] = [
  { code: "01", isic4: "D01T02", nameEn: "Agriculture, hunting, forestry", nameZh: "农业、狩猎业和林业" },
  { code: "02", isic4: "D03", nameEn: "Fishing and aquaculture", nameZh: "渔业和水产养殖" },
  {
    code: "03",
    isic4: "D05T06",
    nameEn: "Mining and quarrying, energy producing products",
    nameZh: "采矿和采石（能源产品）",
  },
  {
    code: "04",
    isic4: "D07T08",
    nameEn: "Mining and quarrying, non-energy producing products",
    nameZh: "采矿和采石（非能源产品）",
  },
  { code: "05", isic4: "D09", nameEn: "Mining support service activities", nameZh: "采矿支持服务" },
  { code: "06", isic4: "D10T12", nameEn: "Food products, beverages and tobacco", nameZh: "食品、饮料和烟草" },
  {
    code: "07",
    isic4: "D13T15",
    nameEn: "Textiles, textile products, leather and footwear",
    nameZh: "纺织品、纺织制品、皮革和鞋类",
  },
  { code: "08", isic4: "D16", nameEn: "Wood and products of wood and cork", nameZh: "木材及木制品和软木制品" },
  { code: "09", isic4: "D17T18", nameEn: "Paper products and printing", nameZh: "纸制品和印刷" },
  { code: "10", isic4: "D19", nameEn: "Coke and refined petroleum products", nameZh: "焦炭和精炼石油产品" },
  { code: "11", isic4: "D20", nameEn: "Chemical and chemical products", nameZh: "化学品和化学制品" },
  {
    code: "12",
    isic4: "D21",
    nameEn: "Pharmaceuticals, medicinal chemical and botanical products",
    nameZh: "医药、药用化学品和植物药",
  },
  { code: "13", isic4: "D22", nameEn: "Rubber and plastics products", nameZh: "橡胶和塑料制品" },
  { code: "14", isic4: "D23", nameEn: "Other non-metallic mineral products", nameZh: "其他非金属矿物制品" },
  { code: "15", isic4: "D24", nameEn: "Basic metals", nameZh: "基本金属" },
  { code: "16", isic4: "D25", nameEn: "Fabricated metal products", nameZh: "金属制品" },
  { code: "17", isic4: "D26", nameEn: "Computer, electronic and optical equipment", nameZh: "计算机、电子和光学设备" },
  { code: "18", isic4: "D27", nameEn: "Electrical equipment", nameZh: "电气设备" },
  { code: "19", isic4: "D28", nameEn: "Machinery and equipment, nec", nameZh: "其他机械和设备" },
  { code: "20", isic4: "D29", nameEn: "Motor vehicles, trailers and semi-trailers", nameZh: "汽车、挂车和半挂车" },
  { code: "21", isic4: "D30", nameEn: "Other transport equipment", nameZh: "其他运输设备" },
  {
    code: "22",
    isic4: "D31T33",
    nameEn: "Manufacturing nec; repair and installation of machinery and equipment",
    nameZh: "其他制造业；机械和设备的修理和安装",
  },
  {
    code: "23",
    isic4: "D35",
    nameEn: "Electricity, gas, steam and air conditioning supply",
    nameZh: "电力、燃气、蒸汽和空调供应",
  },
  {
    code: "24",
    isic4: "D36T39",
    nameEn: "Water supply; sewerage, waste management and remediation activities",
    nameZh: "供水；污水处理、废物管理和补救活动",
  },
  { code: "25", isic4: "D41T43", nameEn: "Construction", nameZh: "建筑业" },
  {
    code: "26",
    isic4: "D45T47",
    nameEn: "Wholesale and retail trade; repair of motor vehicles",
    nameZh: "批发和零售贸易；机动车修理",
  },
  { code: "27", isic4: "D49", nameEn: "Land transport and transport via pipelines", nameZh: "陆路运输和管道运输" },
  { code: "28", isic4: "D50", nameEn: "Water transport", nameZh: "水上运输" },
  { code: "29", isic4: "D51", nameEn: "Air transport", nameZh: "航空运输" },
  {
    code: "30",
    isic4: "D52",
    nameEn: "Warehousing and support activities for transportation",
    nameZh: "仓储和运输辅助活动",
  },
  { code: "31", isic4: "D53", nameEn: "Postal and courier activities", nameZh: "邮政和快递活动" },
  { code: "32", isic4: "D55T56", nameEn: "Accommodation and food service activities", nameZh: "住宿和餐饮服务" },
  {
    code: "33",
    isic4: "D58T60",
    nameEn: "Publishing, audiovisual and broadcasting activities",
    nameZh: "出版、视听和广播活动",
  },
  { code: "34", isic4: "D61", nameEn: "Telecommunications", nameZh: "电信" },
  { code: "35", isic4: "D62T63", nameEn: "IT and other information services", nameZh: "信息技术和其他信息服务" },
  { code: "36", isic4: "D64T66", nameEn: "Financial and insurance activities", nameZh: "金融和保险活动" },
  { code: "37", isic4: "D68", nameEn: "Real estate activities", nameZh: "房地产活动" },
  {
    code: "38",
    isic4: "D69T75",
    nameEn: "Professional, scientific and technical activities",
    nameZh: "专业、科学和技术活动",
  },
  { code: "39", isic4: "D77T82", nameEn: "Administrative and support services", nameZh: "行政和辅助服务" },
  {
    code: "40",
    isic4: "D84",
    nameEn: "Public administration and defence; compulsory social security",
    nameZh: "公共管理和国防；强制性社会保障",
  },
  { code: "41", isic4: "D85", nameEn: "Education", nameZh: "教育" },
  { code: "42", isic4: "D86T88", nameEn: "Human health and social work activities", nameZh: "人类健康和社会工作" },
  { code: "43", isic4: "D90T93", nameEn: "Arts, entertainment and recreation", nameZh: "艺术、娱乐和文娱活动" },
  { code: "44", isic4: "D94T96", nameEn: "Other service activities", nameZh: "其他服务活动" },
  {
    code: "45",
    isic4: "D97T98",
    nameEn:
      "Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use",
    nameZh: "家庭作为雇主的活动；家庭自用、未加区分的物品生产和服务活动",
  },
];

export const OECD_IOT_2021_CLASSIFICATION = { system: "oecd-iot-2021", version: "2021" } as const;

/** Note shown with the Chinese names. */
export const OECD_ZH_NAMES_NOTE = "unofficial_translation";
