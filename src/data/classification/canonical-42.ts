/**
 * The canonical 42-sector IO classification of the project (标准42部门): the NBS 2012-vintage
 * 42-sector input–output list, ids S01…S42 (spec/methods.md §1.1). Names are the official NBS product
 * sector names as printed in the 2015 extension table (`china_2015_42.csv`, column
 * DescriptionInChinese / Description); aliases are the spellings printed in the seed reports.
 *
 * `code2012` is the sector's code in 2012-vintage tables (2012 benchmark, 2015 extension).
 * `code2017` lists the 2017-vintage code(s) (NBS 2017, 2018, 2020 42-sector tables): S36 is the sum of
 * 2017 codes 35 研究和试验发展 + 36 综合技术服务 (exact); S22 and S23 are both only *part* of 2017 code 22
 * 其他制造产品和废品废料 (not separable without a detailed table, see crosswalk.ts).
 */

export interface CanonicalSector {
  /** S01…S42 */
  readonly id: string;
  /** canonical NBS 2012 42-sector name */
  readonly nameZh: string;
  /** NBS English description */
  readonly nameEn: string;
  /** other spellings that must resolve to this id */
  readonly aliases: readonly string[];
  /** code in 2012-vintage 42-sector tables */
  readonly code2012: string;
  /** code(s) in 2017-vintage 42-sector tables (S22, S23: part of "22") */
  readonly code2017: readonly string[];
  /** GB/T 4754-2017 divisions (approximate, spec §1.1) */
  readonly gbt4754Divisions: string;
}

/** The 42 canonical sectors in order. */
export const CANONICAL_42: readonly CanonicalSector[] = [
  {
    id: "S01",
    nameZh: "农林牧渔产品和服务",
    nameEn: "Agriculture, forestry, animal husbandry and fishery",
    aliases: [],
    code2012: "01",
    code2017: ["01"],
    gbt4754Divisions: "A01–A05",
  },
  {
    id: "S02",
    nameZh: "煤炭采选产品",
    nameEn: "Mining and washing of coal",
    aliases: [],
    code2012: "02",
    code2017: ["02"],
    gbt4754Divisions: "B06",
  },
  {
    id: "S03",
    nameZh: "石油和天然气开采产品",
    nameEn: "Exploitation of petroleum and natural gas",
    aliases: [],
    code2012: "03",
    code2017: ["03"],
    gbt4754Divisions: "B07",
  },
  {
    id: "S04",
    nameZh: "金属矿采选产品",
    nameEn: "Mining and processing of metal ores",
    aliases: [],
    code2012: "04",
    code2017: ["04"],
    gbt4754Divisions: "B08–B09",
  },
  {
    id: "S05",
    nameZh: "非金属矿和其他矿采选产品",
    nameEn: "Mining and processing of nonmetal and other ores",
    aliases: [],
    code2012: "05",
    code2017: ["05"],
    gbt4754Divisions: "B10–B12",
  },
  {
    id: "S06",
    nameZh: "食品和烟草",
    nameEn: "Manufacture of foods and tobacco",
    aliases: [],
    code2012: "06",
    code2017: ["06"],
    gbt4754Divisions: "C13–C16",
  },
  {
    id: "S07",
    nameZh: "纺织品",
    nameEn: "Manufacture of textiles",
    aliases: [],
    code2012: "07",
    code2017: ["07"],
    gbt4754Divisions: "C17",
  },
  {
    id: "S08",
    nameZh: "纺织服装鞋帽皮革羽绒及其制品",
    nameEn: "Manufacture of wearing apparel, leather, fur, feather and related products",
    aliases: [],
    code2012: "08",
    code2017: ["08"],
    gbt4754Divisions: "C18–C19",
  },
  {
    id: "S09",
    nameZh: "木材加工品和家具",
    nameEn: "Processing of timber and furniture",
    aliases: [],
    code2012: "09",
    code2017: ["09"],
    gbt4754Divisions: "C20–C21",
  },
  {
    id: "S10",
    nameZh: "造纸印刷和文教体育用品",
    nameEn: "Manufacture of paper, printing, and articles for culture, education, sports",
    aliases: [],
    code2012: "10",
    code2017: ["10"],
    gbt4754Divisions: "C22–C24",
  },
  {
    id: "S11",
    nameZh: "石油、炼焦产品和核燃料加工品",
    nameEn: "Processing of petroleum, coking, and nuclear fuel",
    aliases: ["石油、焦炭产品和核燃料加工品"],
    code2012: "11",
    code2017: ["11"],
    gbt4754Divisions: "C25",
  },
  {
    id: "S12",
    nameZh: "化学产品",
    nameEn: "Manufacture of chemical products",
    aliases: [],
    code2012: "12",
    code2017: ["12"],
    gbt4754Divisions: "C26–C29",
  },
  {
    id: "S13",
    nameZh: "非金属矿物制品",
    nameEn: "Manufacture of non-metallic mineral products",
    aliases: ["非金属矿物制品业"],
    code2012: "13",
    code2017: ["13"],
    gbt4754Divisions: "C30",
  },
  {
    id: "S14",
    nameZh: "金属冶炼和压延加工品",
    nameEn: "Smelting and processing of metals",
    aliases: ["金属冶炼和延压加工业", "金属冶炼和压延加工业"],
    code2012: "14",
    code2017: ["14"],
    gbt4754Divisions: "C31–C32",
  },
  {
    id: "S15",
    nameZh: "金属制品",
    nameEn: "Manufacture of metal products",
    aliases: [],
    code2012: "15",
    code2017: ["15"],
    gbt4754Divisions: "C33",
  },
  {
    id: "S16",
    nameZh: "通用设备",
    nameEn: "Manufacture of general purpose machinery",
    aliases: [],
    code2012: "16",
    code2017: ["16"],
    gbt4754Divisions: "C34",
  },
  {
    id: "S17",
    nameZh: "专用设备",
    nameEn: "Manufacture of special purpose machinery",
    aliases: [],
    code2012: "17",
    code2017: ["17"],
    gbt4754Divisions: "C35",
  },
  {
    id: "S18",
    nameZh: "交通运输设备",
    nameEn: "Manufacture of transport equipment",
    aliases: [],
    code2012: "18",
    code2017: ["18"],
    gbt4754Divisions: "C36–C37",
  },
  {
    id: "S19",
    nameZh: "电气机械和器材",
    nameEn: "Manufacture of electrical machinery and equipment",
    aliases: ["电子机械和器材"],
    code2012: "19",
    code2017: ["19"],
    gbt4754Divisions: "C38",
  },
  {
    id: "S20",
    nameZh: "通信设备、计算机和其他电子设备",
    nameEn: "Manufacture of communication equipment, computers and other electronic equipment",
    aliases: [],
    code2012: "20",
    code2017: ["20"],
    gbt4754Divisions: "C39",
  },
  {
    id: "S21",
    nameZh: "仪器仪表",
    nameEn: "Manufacture of instruments and meters",
    aliases: [],
    code2012: "21",
    code2017: ["21"],
    gbt4754Divisions: "C40",
  },
  {
    id: "S22",
    nameZh: "其他制造产品",
    nameEn: "Other manufacturing",
    aliases: [],
    code2012: "22",
    code2017: ["22"],
    gbt4754Divisions: "C41",
  },
  {
    id: "S23",
    nameZh: "废品废料",
    nameEn: "Comprehensive use of waste resources",
    aliases: ["废弃资源和废旧材料回收加工品"],
    code2012: "23",
    code2017: ["22"],
    gbt4754Divisions: "C42",
  },
  {
    id: "S24",
    nameZh: "金属制品、机械和设备修理服务",
    nameEn: "Repair of metal products, machinery and equipment",
    aliases: ["金属制品、机械和设备维修服务"],
    code2012: "24",
    code2017: ["23"],
    gbt4754Divisions: "C43",
  },
  {
    id: "S25",
    nameZh: "电力、热力的生产和供应",
    nameEn: "Production and supply of electric power and heat power",
    aliases: ["电力、热力生产和供应"],
    code2012: "25",
    code2017: ["24"],
    gbt4754Divisions: "D44",
  },
  {
    id: "S26",
    nameZh: "燃气生产和供应",
    nameEn: "Production and supply of gas",
    aliases: [],
    code2012: "26",
    code2017: ["25"],
    gbt4754Divisions: "D45",
  },
  {
    id: "S27",
    nameZh: "水的生产和供应",
    nameEn: "Production and supply of water",
    aliases: [],
    code2012: "27",
    code2017: ["26"],
    gbt4754Divisions: "D46",
  },
  {
    id: "S28",
    nameZh: "建筑",
    nameEn: "Construction",
    aliases: [],
    code2012: "28",
    code2017: ["27"],
    gbt4754Divisions: "E47–E50",
  },
  {
    id: "S29",
    nameZh: "批发和零售",
    nameEn: "Wholesale and retail trades",
    aliases: [],
    code2012: "29",
    code2017: ["28"],
    gbt4754Divisions: "F51–F52",
  },
  {
    id: "S30",
    nameZh: "交通运输、仓储和邮政",
    nameEn: "Transport, storage, and postal services",
    aliases: [],
    code2012: "30",
    code2017: ["29"],
    gbt4754Divisions: "G53–G60",
  },
  {
    id: "S31",
    nameZh: "住宿和餐饮",
    nameEn: "Accommodation and catering",
    aliases: [],
    code2012: "31",
    code2017: ["30"],
    gbt4754Divisions: "H61–H62",
  },
  {
    id: "S32",
    nameZh: "信息传输、软件和信息技术服务",
    nameEn: "Information transmission, software and information technology services",
    aliases: [],
    code2012: "32",
    code2017: ["31"],
    gbt4754Divisions: "I63–I65",
  },
  {
    id: "S33",
    nameZh: "金融",
    nameEn: "Finance",
    aliases: [],
    code2012: "33",
    code2017: ["32"],
    gbt4754Divisions: "J66–J69",
  },
  {
    id: "S34",
    nameZh: "房地产",
    nameEn: "Real estate",
    aliases: [],
    code2012: "34",
    code2017: ["33"],
    gbt4754Divisions: "K70",
  },
  {
    id: "S35",
    nameZh: "租赁和商务服务",
    nameEn: "Leasing and commercial services",
    aliases: [],
    code2012: "35",
    code2017: ["34"],
    gbt4754Divisions: "L71–L72",
  },
  {
    id: "S36",
    nameZh: "科学研究和技术服务",
    nameEn: "Scientific research, and technical services",
    aliases: [],
    code2012: "36",
    code2017: ["35", "36"],
    gbt4754Divisions: "M73–M75",
  },
  {
    id: "S37",
    nameZh: "水利、环境和公共设施管理",
    nameEn: "Management of water conservancy, environment and public facilities",
    aliases: [],
    code2012: "37",
    code2017: ["37"],
    gbt4754Divisions: "N76–N79",
  },
  {
    id: "S38",
    nameZh: "居民服务、修理和其他服务",
    nameEn: "Resident, repair and other services",
    aliases: [],
    code2012: "38",
    code2017: ["38"],
    gbt4754Divisions: "O80–O82",
  },
  {
    id: "S39",
    nameZh: "教育",
    nameEn: "Education",
    aliases: [],
    code2012: "39",
    code2017: ["39"],
    gbt4754Divisions: "P83",
  },
  {
    id: "S40",
    nameZh: "卫生和社会工作",
    nameEn: "Health care and social work",
    aliases: [],
    code2012: "40",
    code2017: ["40"],
    gbt4754Divisions: "Q84–Q85",
  },
  {
    id: "S41",
    nameZh: "文化、体育和娱乐",
    nameEn: "Culture, sports, and entertainment",
    aliases: [],
    code2012: "41",
    code2017: ["41"],
    gbt4754Divisions: "R86–R90",
  },
  {
    id: "S42",
    nameZh: "公共管理、社会保障和社会组织",
    nameEn: "Public administration, social security, and social organizations",
    aliases: [],
    code2012: "42",
    code2017: ["42"],
    gbt4754Divisions: "S91–S96",
  },
];

/** Classification reference of the canonical list. */
export const CANONICAL_42_CLASSIFICATION = { system: "nbs-io-42-2012", version: "2012" } as const;

/** Default digital-sector group D (数字部门) in canonical ids: 通信设备、计算机和其他电子设备 + 信息传输、软件和信息技术服务 (spec §1.1). */
export const DIGITAL_DEFAULT_CANONICAL: readonly string[] = ["S20", "S32"];

/** The same group D in raw 2017-vintage table codes (NBS 2017/2018/2020 42-sector tables). */
export const DIGITAL_DEFAULT_2017_CODES: readonly string[] = ["20", "31"];

/** Extended digital group D_ext = D ∪ {S21 仪器仪表} (spec §1.1 option). */
export const DIGITAL_EXTENDED_CANONICAL: readonly string[] = ["S20", "S21", "S32"];

/**
 * Resolves a sector name (canonical name or alias, trimmed) or an id to the canonical id.
 * @returns the id, or undefined when the text names no canonical sector
 * @example canonicalIdOf("金属冶炼和延压加工业") // => "S14"
 */
export function canonicalIdOf(text: string): string | undefined {
  const t = text.trim();
  for (const s of CANONICAL_42) {
    if (s.id === t || s.nameZh === t || s.aliases.includes(t)) return s.id;
  }
  return undefined;
}
