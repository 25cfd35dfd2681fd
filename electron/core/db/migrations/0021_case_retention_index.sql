-- The disposal list (retention/last-use.ts) reads every case not yet disposed of from this index,
-- never from the rows, whose intake JSON makes each most of a page.
CREATE INDEX `cases_retention` ON `cases` (`id`,`case_number`,`status`,`updated_at`,`withdrawn_at`,`disposed_at`) WHERE "cases"."disposed_at" IS NULL;