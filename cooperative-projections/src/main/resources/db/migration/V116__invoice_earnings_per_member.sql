-- What each invoice line earns each member. A line per skill holds several members' hours, so the
-- earnings move out of the line into a row per line and member; invoice_lines keeps the line's total.
CREATE TABLE invoice_earnings (
    invoice_id   UUID          NOT NULL,
    line_number  INTEGER       NOT NULL,
    member_id    UUID          NOT NULL,
    earnings     NUMERIC(18,4) NOT NULL,
    fee          NUMERIC(18,4) NOT NULL,
    PRIMARY KEY (invoice_id, line_number, member_id)
);
CREATE INDEX invoice_earnings_by_member ON invoice_earnings (member_id);

INSERT INTO invoice_earnings (invoice_id, line_number, member_id, earnings, fee)
SELECT invoice_id, line_number, member_id, earnings, fee FROM invoice_lines
WHERE member_id IS NOT NULL AND earnings IS NOT NULL;

-- How the client wants the hours on its invoices: MEMBER (as every client had before) or SKILL.
ALTER TABLE project_client_details ADD COLUMN line_grouping VARCHAR(10) DEFAULT 'MEMBER' NOT NULL;
