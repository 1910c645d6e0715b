-- PostgreSQL's version of ../0009_inbox_taken_by.sql: the same column.

-- Several instances share the inbox on PostgreSQL (issue 12): each delivery names the process that
-- has it (its run id, the same as the outbox ledger's), so another instance's sweep leaves it alone
-- while that process lives and finishes it once the process is gone. On SQLite there is one process,
-- and any run but the current one is a process that has ended.
ALTER TABLE inbox ADD COLUMN taken_by TEXT NULL;
