-- Shared rate budgets (issue 12) are used on PostgreSQL, where several instances share one bot token;
-- one process on a SQLite file paces itself in memory. The table is here too so that a version number
-- means the same schema on either database (and a copy between them finds the same tables).
CREATE TABLE rate_budget (
    bucket        TEXT    NOT NULL,
    window_start  INTEGER NOT NULL,
    used          INTEGER NOT NULL,
    last_taken    INTEGER NOT NULL,
    PRIMARY KEY (bucket, window_start)
) WITHOUT ROWID;

CREATE INDEX rate_budget_window ON rate_budget (window_start);
