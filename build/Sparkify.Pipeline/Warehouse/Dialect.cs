namespace Sparkify.Pipeline.Warehouse;

/// The SQL engine behind the warehouse: it picks the DDL folder (sql/redshift or sql/postgres) and the COPY path.
public enum Dialect { Postgres, Redshift }
