/**
 * The OpenAPI 3.1 description of the HTTP API, hand-written so it documents intent (units, methods,
 * defaults) rather than implementation. Served at GET /api/openapi.json.
 */
import { software } from "../app/provenance.js";
import { CORE_ERROR_CODES, DATA_ISSUE_CODES, DIAGNOSTIC_CODES } from "../i18n/codes.js";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown, description: string) => ({ description, content: { "application/json": { schema } } });
const err = (description: string) => json(ref("Error"), description);

const langParam = {
  name: "lang",
  in: "query",
  required: false,
  description: "Language of messages: zh-CN (default) or en. Also read from the `lang` cookie, then Accept-Language.",
  schema: { type: "string", enum: ["zh-CN", "en"] },
};
const tableParam = {
  name: "table",
  in: "query",
  required: true,
  description: "dataset id of an IO table (see GET /api/datasets)",
  schema: { type: "string" },
};
const groupParam = {
  name: "group",
  in: "query",
  required: false,
  description: "`digital` (数字部门: S20 + S32 of the table's vintage) or comma-separated sector codes",
  schema: { type: "string", examples: ["digital", "S20,S32"] },
};
const variantParam = {
  name: "variant",
  in: "query",
  required: false,
  description: "linkage definition (spec §5.4)",
  schema: { type: "string", enum: ["leontief", "ghosh_sensitivity", "weighted"], default: "leontief" },
};
const groupMethodParam = {
  name: "groupMethod",
  in: "query",
  required: false,
  description: "how the group becomes one block (spec §5.5)",
  schema: { type: "string", enum: ["two_block", "merge", "weighted_mean"], default: "two_block" },
};
const importsParam = {
  name: "imports",
  in: "query",
  required: false,
  description: "intermediate flows: competitive (domestic + imported) or domestic only (non-competitive tables)",
  schema: { type: "string", enum: ["competitive", "domestic"], default: "competitive" },
};
const fileParam = {
  name: "file",
  in: "query",
  required: false,
  description:
    "file name shown in issue locations and provenance; default `<id>.xlsx` (import) or `upload.xlsx` for XLSX bytes (ZIP signature), `.csv` otherwise",
  schema: { type: "string" },
};
const unitParam = {
  name: "unit",
  in: "query",
  required: false,
  description: "unit of the money cells, e.g. 万元, 亿元, cny_10k (overrides a unit line in the file)",
  schema: { type: "string" },
};
const uploadBody = {
  required: true,
  description:
    "the raw bytes of a CSV or XLSX file in the generic template (data/templates/io-generic-template.csv); at most 50 MB",
  content: {
    "text/csv": { schema: { type: "string" } },
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {
      schema: { type: "string", contentMediaType: "application/octet-stream" },
    },
    "application/octet-stream": { schema: { type: "string", contentMediaType: "application/octet-stream" } },
  },
};

const commonErrors = {
  "400": err(
    "invalid parameter or contract violation (codes: invalid_parameter, missing_parameter, or a core error code)",
  ),
  "500": err("internal error (code internal_error)"),
};

/** The OpenAPI 3.1 document. */
export function openApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "shushi (数实) API",
      version: software().replace(/^shushi@/, ""),
      description:
        "Input–output analysis of the digital economy from official data: linkage coefficients (影响力系数/感应度系数), digital intensities, matrices A and L, series across table years, and the reproduction of published figures. Every result carries provenance (datasets with sha256, classification, method, parameters, software version, computedAt). Errors are `{code, message, params, issues?}` with `message` in the request language.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/health": {
        get: {
          operationId: "health",
          summary: "liveness",
          responses: {
            "200": json(
              { type: "object", properties: { status: { const: "ok" }, software: { type: "string" } } },
              "ok",
            ),
          },
        },
      },
      "/api/openapi.json": {
        get: {
          operationId: "openapi",
          summary: "this document",
          responses: { "200": json({ type: "object" }, "OpenAPI 3.1 document") },
        },
      },
      "/api/datasets": {
        get: {
          operationId: "listDatasets",
          summary: "all stored datasets (数据集)",
          parameters: [langParam],
          responses: {
            "200": json(
              {
                type: "object",
                required: ["datasets"],
                properties: { datasets: { type: "array", items: ref("DatasetMeta") } },
              },
              "dataset list",
            ),
            ...commonErrors,
          },
        },
      },
      "/api/datasets/{id}": {
        get: {
          operationId: "showDataset",
          summary: "one dataset's metadata, sectors and validation summary",
          parameters: [{ name: "id", in: "path", required: true, schema: { type: "string" } }, langParam],
          responses: {
            "200": json(ref("DatasetShow"), "dataset"),
            "404": err("unknown dataset (code unknown_dataset)"),
            ...commonErrors,
          },
        },
      },
      "/api/datasets/import": {
        post: {
          operationId: "importDataset",
          summary: "import a CSV/XLSX IO table (all-or-nothing)",
          parameters: [
            { name: "id", in: "query", required: true, description: "new dataset id", schema: { type: "string" } },
            fileParam,
            { name: "name", in: "query", required: false, description: "alias of `file`", schema: { type: "string" } },
            {
              name: "kind",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["io_table"], default: "io_table" },
            },
            unitParam,
            {
              name: "replace",
              in: "query",
              required: false,
              description: "replace an existing dataset with this id",
              schema: { type: "boolean", default: false },
            },
            langParam,
          ],
          requestBody: uploadBody,
          responses: {
            "201": json(
              {
                type: "object",
                required: ["dataset"],
                properties: { dataset: ref("DatasetMeta"), warnings: { type: "array", items: ref("Issue") } },
              },
              "imported",
            ),
            "413": err("body larger than the limit (code payload_too_large)"),
            "422": err(
              "the file has data issues (code data_issues; `issues` lists every issue with its location); nothing was stored",
            ),
            "501": err("imports disabled (code read_only)"),
            ...commonErrors,
          },
        },
      },
      "/api/io/linkages": {
        get: {
          operationId: "linkages",
          summary: "influence (影响力系数) and sensitivity (感应度系数) coefficients of a stored table",
          parameters: [tableParam, groupParam, variantParam, groupMethodParam, importsParam, langParam],
          responses: { "200": json(ref("LinkageResult"), "linkages"), "404": err("unknown dataset"), ...commonErrors },
        },
        post: {
          operationId: "linkagesOfUpload",
          summary: "linkages of an uploaded table (generic template); nothing is stored",
          parameters: [fileParam, unitParam, groupParam, variantParam, groupMethodParam, importsParam, langParam],
          requestBody: uploadBody,
          responses: {
            "200": json(ref("LinkageResult"), "linkages"),
            "413": err("body too large (code payload_too_large)"),
            "422": err("data issues (code data_issues)"),
            ...commonErrors,
          },
        },
      },
      "/api/io/intensity": {
        get: {
          operationId: "intensity",
          summary: "digital input/output intensities by sector (数字化投入、产出; spec §5.6)",
          parameters: [tableParam, groupParam, importsParam, langParam],
          responses: {
            "200": json(ref("IntensityResult"), "intensities"),
            "404": err("unknown dataset"),
            ...commonErrors,
          },
        },
      },
      "/api/io/series": {
        get: {
          operationId: "series",
          summary:
            "the group's coefficients across the table years of a family, interpolated annually (spec §5.7), with published values",
          parameters: [
            groupParam,
            {
              name: "family",
              in: "query",
              required: false,
              schema: { type: "string", enum: ["nbs", "oecd"], default: "nbs" },
            },
            variantParam,
            groupMethodParam,
            {
              name: "through",
              in: "query",
              required: false,
              description: "hold the last table's coefficients up to this year",
              schema: { type: "integer" },
            },
            langParam,
          ],
          responses: { "200": json(ref("SeriesResult"), "series"), ...commonErrors },
        },
      },
      "/api/io/matrix": {
        get: {
          operationId: "matrix",
          summary: "direct input coefficients A (直接消耗系数) or Leontief inverse L (完全需要系数)",
          parameters: [
            tableParam,
            { name: "which", in: "query", required: true, schema: { type: "string", enum: ["A", "L"] } },
            importsParam,
            langParam,
          ],
          responses: { "200": json(ref("MatrixResult"), "matrix"), "404": err("unknown dataset"), ...commonErrors },
        },
      },
      "/api/reproduction": {
        get: {
          operationId: "reproduction",
          summary: "computed vs published values of the seed reports (spec §16)",
          parameters: [langParam],
          responses: { "200": json(ref("ReproductionResult"), "rows"), ...commonErrors },
        },
      },
    },
    components: {
      schemas: {
        Error: {
          type: "object",
          required: ["code", "message", "params"],
          properties: {
            code: {
              type: "string",
              description: "stable snake_case code",
              enum: [
                ...new Set([
                  "data_issues",
                  "unknown_dataset",
                  "invalid_parameter",
                  "missing_parameter",
                  "empty_body",
                  "payload_too_large",
                  "read_only",
                  "not_found",
                  "internal_error",
                  ...CORE_ERROR_CODES,
                ]),
              ],
            },
            message: {
              type: "string",
              description: "what went wrong, why, and how to fix it, in the request language",
            },
            params: { type: "object", additionalProperties: true },
            issues: { type: "array", items: ref("Issue") },
          },
        },
        Issue: {
          type: "object",
          required: ["code", "severity", "path", "params", "message"],
          properties: {
            code: { type: "string", enum: DATA_ISSUE_CODES },
            severity: { type: "string", enum: ["error", "warning"] },
            path: {
              type: "object",
              required: ["file"],
              properties: {
                file: { type: "string" },
                sheet: { type: "string" },
                row: { type: "integer", description: "1-based physical row" },
                column: { type: "integer", description: "1-based physical column" },
                columnName: { type: "string" },
              },
            },
            params: { type: "object", additionalProperties: true },
            location: { type: "string" },
            message: { type: "string" },
          },
        },
        Diagnostic: {
          type: "object",
          required: ["code", "severity", "params", "message"],
          properties: {
            code: { type: "string", enum: DIAGNOSTIC_CODES },
            severity: { type: "string", enum: ["info", "warning", "error"] },
            params: { type: "object", additionalProperties: true },
            message: { type: "string" },
          },
        },
        Provenance: {
          type: "object",
          required: ["datasets", "method", "parameters", "software", "computedAt"],
          properties: {
            datasets: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  titleZh: { type: "string" },
                  titleEn: { type: "string" },
                  sha256: { type: "string" },
                  files: {
                    type: "array",
                    items: { type: "object", properties: { path: { type: "string" }, sha256: { type: "string" } } },
                  },
                  classification: {
                    type: "object",
                    properties: { system: { type: "string" }, version: { type: "string" } },
                  },
                  publisher: { type: "string" },
                  unit: { type: "string" },
                  years: { type: "array", items: { type: "integer" } },
                },
              },
            },
            method: { type: "string" },
            parameters: { type: "object", additionalProperties: true },
            software: { type: "string", examples: ["shushi@0.1.0"] },
            computedAt: { type: "string", format: "date-time" },
            caveats: { type: "array", items: { type: "string" } },
          },
        },
        DatasetMeta: {
          type: "object",
          required: [
            "id",
            "kind",
            "titleZh",
            "titleEn",
            "region",
            "years",
            "dimensions",
            "unit",
            "priceBasis",
            "provenance",
          ],
          properties: {
            id: { type: "string" },
            kind: {
              type: "string",
              enum: [
                "io_table",
                "time_series",
                "panel",
                "registry",
                "text_corpus",
                "published_reference",
                "classification",
              ],
            },
            titleZh: { type: "string" },
            titleEn: { type: "string" },
            region: { type: "string" },
            years: { type: "array", items: { type: "integer" } },
            dimensions: { type: "object", additionalProperties: { type: "integer" } },
            classification: { type: "object", properties: { system: { type: "string" }, version: { type: "string" } } },
            unit: { type: "string" },
            priceBasis: { type: "object" },
            importTreatment: { type: "string", enum: ["competitive", "non_competitive"] },
            provenance: { type: "object" },
          },
        },
        DatasetShow: {
          allOf: [
            ref("DatasetMeta"),
            {
              type: "object",
              properties: {
                sectors: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: { code: { type: "string" }, name_zh: { type: "string" }, name_en: { type: "string" } },
                  },
                },
                validation: {
                  type: "object",
                  properties: {
                    ok: { type: "boolean" },
                    errors: { type: "integer" },
                    warnings: { type: "integer" },
                    issues: { type: "array", items: ref("Issue") },
                  },
                },
              },
            },
          ],
        },
        LinkageResult: {
          type: "object",
          required: ["table", "sectors", "variant", "diagnostics", "provenance"],
          properties: {
            table: { type: "string", description: "dataset id (or the uploaded file's id)" },
            unit: { type: "string", description: "unit of `output`" },
            sectors: {
              type: "array",
              items: {
                type: "object",
                required: ["code", "name_zh", "name_en", "influence", "sensitivity"],
                properties: {
                  code: { type: "string" },
                  name_zh: { type: "string" },
                  name_en: { type: "string" },
                  influence: { type: ["number", "null"], description: "影响力系数 F_j; null for zero-output sectors" },
                  sensitivity: {
                    type: ["number", "null"],
                    description: "感应度系数 E_i; null for zero-output sectors",
                  },
                  output: { type: "number" },
                },
              },
            },
            block: {
              type: "object",
              required: ["codes", "influence", "sensitivity", "method"],
              properties: {
                name: { type: "string", enum: ["digital", "custom"] },
                codes: { type: "array", items: { type: "string" } },
                influence: { type: "number" },
                sensitivity: { type: "number" },
                method: { type: "string", enum: ["two_block", "merge", "weighted_mean"] },
                rest: {
                  type: "object",
                  properties: { influence: { type: "number" }, sensitivity: { type: "number" } },
                },
              },
            },
            variant: { type: "string", enum: ["leontief", "ghosh_sensitivity", "weighted"] },
            imports: { type: "string", enum: ["competitive", "domestic"] },
            diagnostics: { type: "array", items: ref("Diagnostic") },
            provenance: ref("Provenance"),
          },
        },
        IntensityResult: {
          type: "object",
          required: ["sectors", "provenance"],
          properties: {
            table: { type: "string" },
            group: {
              type: "object",
              properties: { name: { type: "string" }, codes: { type: "array", items: { type: "string" } } },
            },
            sectors: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  code: { type: "string" },
                  name_zh: { type: "string" },
                  name_en: { type: "string" },
                  directIntermediate: {
                    type: ["number", "null"],
                    description: "Σ_{i∈D} z_ij / Σ_i z_ij (数字化投入占比)",
                  },
                  directTotal: { type: ["number", "null"], description: "Σ_{i∈D} z_ij / x_j" },
                  complete: { type: ["number", "null"], description: "Σ_{i∈D} b_ij (完全消耗)" },
                  forward: { type: ["number", "null"], description: "Σ_{k∈D} z_jk / x_j (数字化产出)" },
                },
              },
            },
            diagnostics: { type: "array", items: ref("Diagnostic") },
            provenance: ref("Provenance"),
          },
        },
        SeriesResult: {
          type: "object",
          required: ["points", "published", "provenance"],
          properties: {
            family: { type: "string", enum: ["nbs", "oecd"] },
            points: {
              type: "array",
              items: {
                type: "object",
                required: ["year", "influence", "sensitivity", "source", "tableId"],
                properties: {
                  year: { type: "integer" },
                  influence: { type: "number" },
                  sensitivity: { type: "number" },
                  source: { type: "string", enum: ["table", "interpolated", "extrapolated_hold"] },
                  tableId: { type: "string" },
                  codes: { type: "array", items: { type: "string" } },
                  interpolation: {
                    type: "object",
                    properties: {
                      from: { type: "integer" },
                      to: { type: "integer" },
                      weight: { type: "number" },
                      method: { type: "string" },
                    },
                  },
                },
              },
            },
            published: {
              type: "array",
              items: {
                type: "object",
                properties: {
                  id: { type: "string" },
                  ref: { type: "string" },
                  year: { type: "integer" },
                  value: { type: "number" },
                  quantity: { type: "string", enum: ["influence", "sensitivity"] },
                  measure: { type: "string", enum: ["influence", "sensitivity"] },
                  printed: { type: "string" },
                  citation_zh: { type: "string" },
                  citation_en: { type: "string" },
                  source: { type: "string" },
                },
              },
            },
            diagnostics: { type: "array", items: ref("Diagnostic") },
            provenance: ref("Provenance"),
          },
        },
        MatrixResult: {
          type: "object",
          required: ["codes", "names_zh", "names_en", "values", "provenance"],
          properties: {
            table: { type: "string" },
            which: { type: "string", enum: ["A", "L"] },
            codes: { type: "array", items: { type: "string" } },
            names_zh: { type: "array", items: { type: "string" } },
            names_en: { type: "array", items: { type: "string" } },
            values: {
              type: "array",
              items: { type: "array", items: { type: "number" } },
              description: "row-major; values[i][j]",
            },
            diagnostics: { type: "array", items: ref("Diagnostic") },
            provenance: ref("Provenance"),
          },
        },
        ReproductionResult: {
          type: "object",
          required: ["rows"],
          properties: {
            rows: {
              type: "array",
              items: {
                type: "object",
                required: ["ref", "computed", "published", "gap", "status", "reason_zh", "reason_en"],
                properties: {
                  ref: { type: "string" },
                  computed: { type: ["number", "null"] },
                  published: { type: "number" },
                  gap: { type: ["number", "null"] },
                  status: { type: "string" },
                  reason_zh: { type: "string" },
                  reason_en: { type: "string" },
                },
              },
            },
          },
        },
      },
    },
  };
}
