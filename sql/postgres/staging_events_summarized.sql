-- staging_events summarized: the BRIN index on ts (create_staging_events.sql) summarizes the pages loaded since its
--      last summary, before a daily Transform reads its changed days through it.
-- why: a COPY leaves its new pages unsummarized (a truncating load, all of them), and a BRIN scan reads every
--      unsummarized range in full; this reads only those pages once, as a VACUUM would, and later scans skip every
--      range outside the days. Not transactional, so a rolled-back Transform keeps the summaries, which stay true.
--      NULL (nothing done) on a warehouse whose CreateTables predates the index.
select brin_summarize_new_values(to_regclass('staging_events_ts'))
