-- Read model of the "invoicing" projection: the cooperative's invoicing details, each project's client
-- rates and client details, invoices and credit notes as sent (parties, lines, VAT per rate), payments,
-- and which hours entries are on which document (drafts included, so a draft's hours are not drafted twice).
CREATE TABLE invoicing_details (
    cooperative_id     UUID          NOT NULL PRIMARY KEY,
    legal_name         VARCHAR(200)  NOT NULL,
    street             VARCHAR(200)  NOT NULL,
    postal_code        VARCHAR(20)   NOT NULL,
    city               VARCHAR(100)  NOT NULL,
    country_code       CHAR(2)       NOT NULL,
    vat_number         VARCHAR(20)   NOT NULL,
    kvk_number         VARCHAR(8)    NOT NULL,
    iban               VARCHAR(34)   NOT NULL,
    fee_percent        NUMERIC(5,2)  NOT NULL,
    payment_term_days  INTEGER       NOT NULL
);

CREATE TABLE project_client_rates (
    project_id      UUID          NOT NULL,
    cooperative_id  UUID          NOT NULL,
    skill           VARCHAR(100)  NOT NULL,
    hourly_rate     NUMERIC(18,4) NOT NULL,
    currency        CHAR(3)       NOT NULL,
    vat_rate        VARCHAR(20)   NOT NULL,
    PRIMARY KEY (project_id, skill)
);

CREATE TABLE project_client_details (
    project_id       UUID          NOT NULL PRIMARY KEY,
    cooperative_id   UUID          NOT NULL,
    legal_name       VARCHAR(200)  NOT NULL,
    street           VARCHAR(200)  NOT NULL,
    postal_code      VARCHAR(20)   NOT NULL,
    city             VARCHAR(100)  NOT NULL,
    address_country  CHAR(2)       NOT NULL,
    vat_number       VARCHAR(20),
    country_code     CHAR(2)       NOT NULL,
    kvk_number       VARCHAR(8)
);

-- An invoice (document_kind INVOICE) or a credit note (CREDIT_NOTE, credits_invoice_id the invoice).
CREATE TABLE invoices (
    invoice_id          UUID          NOT NULL PRIMARY KEY,
    cooperative_id      UUID          NOT NULL,
    project_id          UUID          NOT NULL,
    document_kind       VARCHAR(20)   NOT NULL,
    credits_invoice_id  UUID,
    invoice_number      VARCHAR(20),
    status              VARCHAR(20)   NOT NULL,
    currency            CHAR(3)       NOT NULL,
    period_from         DATE          NOT NULL,
    period_to           DATE          NOT NULL,
    drafted_by          UUID,
    drafted_on          DATE,
    approved_by         UUID,
    issue_date          DATE,
    due_date            DATE,
    fee_percent         NUMERIC(5,2),
    reason              VARCHAR(2000),
    total_excl_vat      NUMERIC(18,4) NOT NULL,
    total_vat           NUMERIC(18,4) NOT NULL,
    total               NUMERIC(18,4) NOT NULL,
    paid                NUMERIC(18,4) NOT NULL,
    credited            NUMERIC(18,4) NOT NULL
);
CREATE INDEX invoices_by_cooperative ON invoices (cooperative_id, project_id);
CREATE UNIQUE INDEX invoices_by_number ON invoices (cooperative_id, invoice_number);

-- Both parties as the sent document names them (SELLER: the cooperative, BUYER: the client).
CREATE TABLE invoice_parties (
    invoice_id    UUID          NOT NULL,
    party_role    VARCHAR(10)   NOT NULL,
    legal_name    VARCHAR(200)  NOT NULL,
    street        VARCHAR(200)  NOT NULL,
    postal_code   VARCHAR(20)   NOT NULL,
    city          VARCHAR(100)  NOT NULL,
    country_code  CHAR(2)       NOT NULL,
    vat_number    VARCHAR(20),
    kvk_number    VARCHAR(8),
    iban          VARCHAR(34),
    PRIMARY KEY (invoice_id, party_role)
);

CREATE TABLE invoice_lines (
    invoice_id   UUID          NOT NULL,
    line_number  INTEGER       NOT NULL,
    description  VARCHAR(200)  NOT NULL,
    member_id    UUID,
    skill        VARCHAR(100),
    quantity     NUMERIC(12,2) NOT NULL,
    unit_price   NUMERIC(18,4) NOT NULL,
    vat_rate     VARCHAR(20)   NOT NULL,
    amount       NUMERIC(18,4) NOT NULL,
    earnings     NUMERIC(18,4),
    fee          NUMERIC(18,4),
    PRIMARY KEY (invoice_id, line_number)
);

CREATE TABLE invoice_vat (
    invoice_id      UUID          NOT NULL,
    vat_rate        VARCHAR(20)   NOT NULL,
    taxable_amount  NUMERIC(18,4) NOT NULL,
    vat             NUMERIC(18,4) NOT NULL,
    PRIMARY KEY (invoice_id, vat_rate)
);

CREATE TABLE invoice_payments (
    event_id    VARCHAR(100)  NOT NULL PRIMARY KEY,
    invoice_id  UUID          NOT NULL,
    paid_on     DATE          NOT NULL,
    amount      NUMERIC(18,4) NOT NULL
);
CREATE INDEX invoice_payments_by_invoice ON invoice_payments (invoice_id);

CREATE TABLE invoice_entries (
    entry_id     UUID          NOT NULL PRIMARY KEY,
    invoice_id   UUID          NOT NULL,
    line_number  INTEGER       NOT NULL,
    member_id    UUID          NOT NULL,
    entry_date   DATE          NOT NULL
);
CREATE INDEX invoice_entries_by_invoice ON invoice_entries (invoice_id);
