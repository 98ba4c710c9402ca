-- One fingerprint key per member: the HMAC key under which the member's MemberJoined carries the
-- fingerprint of their email. Erasing the member deletes the key, so the fingerprint can no longer
-- be recomputed from a guessed address.
CREATE TABLE member_fingerprint_keys (
    member_id       VARCHAR(64) PRIMARY KEY,
    cooperative_id  VARCHAR(64) NOT NULL,
    fingerprint_key VARCHAR(64) NOT NULL
);
CREATE INDEX member_fingerprint_keys_cooperative ON member_fingerprint_keys (cooperative_id);
