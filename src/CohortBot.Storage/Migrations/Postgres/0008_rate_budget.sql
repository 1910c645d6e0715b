-- Shared rate budgets (issue 12): Discord's and Slack's limits are per bot token, so every instance
-- on this database takes its permits from one row per bucket and window. A bucket names the token by
-- a hash, never the token. Rows of windows long past are deleted by the instances as they go.
CREATE TABLE rate_budget (
    bucket        TEXT    NOT NULL,
    window_start  BIGINT  NOT NULL,
    used          BIGINT  NOT NULL,
    last_taken    BIGINT  NOT NULL,
    PRIMARY KEY (bucket, window_start)
);

CREATE INDEX rate_budget_window ON rate_budget (window_start);
