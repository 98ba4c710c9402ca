-- Read model of the "periods" projection: the closed months of each cooperative.
CREATE TABLE closed_periods (
    cooperative_id  UUID     NOT NULL,
    period          CHAR(7)  NOT NULL,
    closed_on       DATE     NOT NULL,
    PRIMARY KEY (cooperative_id, period)
);
