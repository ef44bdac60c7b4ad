export { SQL_DIALECTS, type SqlDialect, type SqlDialectName, sqlDialect } from "./dialect.js";
export { type SqlQuery, type ToSqlOptions, toSQL } from "./to-sql.js";
