-- A member's number in the audit trail is the cooperative's highest number plus one, looked up for
-- every member who joins. Without an index that lookup read every member of every cooperative: the
-- rebuild benchmark found the audit trail's rebuild growing with the square of the members. Unique
-- too: two members of one cooperative never share a number.
CREATE UNIQUE INDEX audit_member_numbers_in_cooperative ON audit_member_numbers (cooperative_id, number);
