-- The council's leaving care case and finance model, for SQLite and PostgreSQL
-- alike (portable types only: INTEGER, TEXT, DATE; ids and pence fit 32 bits per
-- row, sums are computed as 64-bit by both databases). A dialect that needs
-- something else can ship schema.<dialect>.sql beside it, which is preferred.
-- (tests/generator/council_schema_test.cpp compares the two). Money is integer pence in
-- columns named *_pence; dates are DATE. The load engine adds its own migration_* tables.

-- SSDA903 and finance code sets: data, with foreign keys from the case tables.
CREATE TABLE code_in_touch (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL
);
CREATE TABLE code_activity (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  in_eet INTEGER NOT NULL CHECK (in_eet IN (0, 1))
);
-- ACCOM: type letter + suitability (1 suitable, 2 unsuitable); '0' no information.
-- S and X are always unsuitable, so S1 and X1 cannot exist.
CREATE TABLE code_accommodation (
  code TEXT PRIMARY KEY,
  accom_type TEXT NOT NULL,
  suitability INTEGER NOT NULL CHECK (suitability IN (0, 1, 2)),
  description TEXT NOT NULL,
  CHECK (code = accom_type || CAST(suitability AS TEXT) OR (code = '0' AND suitability = 0)),
  CHECK (accom_type NOT IN ('S', 'X') OR suitability = 2)
);
CREATE TABLE code_payment_type (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  recurring INTEGER NOT NULL CHECK (recurring IN (0, 1))
);
CREATE TABLE code_frequency (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL,
  period_days INTEGER NOT NULL CHECK (period_days > 0)
);
CREATE TABLE code_balance_type (
  code TEXT PRIMARY KEY,
  description TEXT NOT NULL
);

INSERT INTO code_in_touch (code, description) VALUES ('YES', 'In touch');
INSERT INTO code_in_touch (code, description) VALUES ('NO', 'Not in touch');
INSERT INTO code_in_touch (code, description) VALUES ('DIED', 'Died');
INSERT INTO code_in_touch (code, description) VALUES ('REFU', 'Refuses contact');
INSERT INTO code_in_touch (code, description) VALUES ('NREQ', 'No longer requires services');
INSERT INTO code_in_touch (code, description) VALUES ('RHOM', 'Returned home');
INSERT INTO code_activity (code, description, in_eet) VALUES ('F1', 'Higher education, full time', 1);
INSERT INTO code_activity (code, description, in_eet) VALUES ('P1', 'Higher education, part time', 1);
INSERT INTO code_activity (code, description, in_eet) VALUES ('F2', 'Other education, full time', 1);
INSERT INTO code_activity (code, description, in_eet) VALUES ('P2', 'Other education, part time', 1);
INSERT INTO code_activity (code, description, in_eet) VALUES ('F4', 'Training or employment, full time', 1);
INSERT INTO code_activity (code, description, in_eet) VALUES ('P4', 'Training or employment, part time', 1);
INSERT INTO code_activity (code, description, in_eet) VALUES ('F5', 'NEET: illness or disability, full time', 0);
INSERT INTO code_activity (code, description, in_eet) VALUES ('P5', 'NEET: illness or disability, part time', 0);
INSERT INTO code_activity (code, description, in_eet) VALUES ('G4', 'NEET: other', 0);
INSERT INTO code_activity (code, description, in_eet) VALUES ('G5', 'NEET: pregnancy or parenting', 0);
INSERT INTO code_activity (code, description, in_eet) VALUES ('G6', 'NEET: other circumstances', 0);
INSERT INTO code_activity (code, description, in_eet) VALUES ('0', 'No information', 0);
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('0', '0', 0, 'No information');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('B1', 'B', 1, 'Parent or relative, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('B2', 'B', 2, 'Parent or relative, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('C1', 'C', 1, 'Community home, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('C2', 'C', 2, 'Community home, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('D1', 'D', 1, 'Semi-independent, transitional, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('D2', 'D', 2, 'Semi-independent, transitional, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('E1', 'E', 1, 'Supported lodgings, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('E2', 'E', 2, 'Supported lodgings, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('G1', 'G', 1, 'Gone abroad, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('G2', 'G', 2, 'Gone abroad, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('H1', 'H', 1, 'Deported, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('H2', 'H', 2, 'Deported, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('K1', 'K', 1, 'Ordinary lodgings, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('K2', 'K', 2, 'Ordinary lodgings, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('R1', 'R', 1, 'Residence not known, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('R2', 'R', 2, 'Residence not known, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('S2', 'S', 2, 'No fixed abode or homeless, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('T1', 'T', 1, 'Foyer, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('T2', 'T', 2, 'Foyer, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('U1', 'U', 1, 'Independent living, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('U2', 'U', 2, 'Independent living, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('V1', 'V', 1, 'Emergency accommodation, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('V2', 'V', 2, 'Emergency accommodation, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('W1', 'W', 1, 'Bed and breakfast, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('W2', 'W', 2, 'Bed and breakfast, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('X2', 'X', 2, 'In custody, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('Y1', 'Y', 1, 'Other, suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('Y2', 'Y', 2, 'Other, unsuitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('Z1', 'Z', 1, 'With former foster carers (Staying Put), suitable');
INSERT INTO code_accommodation (code, accom_type, suitability, description) VALUES ('Z2', 'Z', 2, 'With former foster carers (Staying Put), unsuitable');
INSERT INTO code_payment_type (code, description, recurring) VALUES ('WEEKLY_ALLOWANCE', 'Weekly living allowance', 1);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('RENT', 'Rent', 1);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('STAYING_PUT', 'Staying Put payment to carers', 1);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('SUPPORTED_LODGINGS', 'Supported lodgings payment to carers', 1);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('SETTING_UP_HOME', 'Setting-up-home allowance', 0);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('HE_BURSARY', 'Higher-education bursary', 0);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('BIRTHDAY_GRANT', 'Birthday grant', 0);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('FESTIVAL_GRANT', 'Festival grant', 0);
INSERT INTO code_payment_type (code, description, recurring) VALUES ('EMERGENCY', 'Emergency payment', 0);
INSERT INTO code_frequency (code, description, period_days) VALUES ('WEEKLY', 'Every week', 7);
INSERT INTO code_frequency (code, description, period_days) VALUES ('FOUR_WEEKLY', 'Every four weeks', 28);
INSERT INTO code_balance_type (code, description) VALUES ('SETTING_UP_HOME', 'Setting-up-home allowance still owed');
INSERT INTO code_balance_type (code, description) VALUES ('SAVINGS_HELD', 'Savings held for the young person');

-- People. person_id is the council's id (the load engine's crosswalk assigns it).
CREATE TABLE person (
  person_id INTEGER PRIMARY KEY,
  forename TEXT NOT NULL,
  surname TEXT NOT NULL,
  date_of_birth DATE NOT NULL,
  gender TEXT CHECK (gender IN ('M', 'F', 'U')),
  case_status TEXT NOT NULL CHECK (case_status IN ('OPEN', 'CLOSED')),
  referral_date DATE,
  closed_date DATE,
  legacy_ref TEXT NOT NULL UNIQUE,
  CHECK (closed_date IS NULL OR referral_date IS NULL OR closed_date >= referral_date),
  CHECK (case_status = 'CLOSED' OR closed_date IS NULL)
);
-- Every legacy reference of a person, merged duplicates included.
CREATE TABLE person_legacy_ref (
  legacy_system TEXT NOT NULL,
  legacy_key TEXT NOT NULL,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  is_survivor INTEGER NOT NULL CHECK (is_survivor IN (0, 1)),
  PRIMARY KEY (legacy_system, legacy_key)
);
CREATE TABLE staff (
  staff_id INTEGER PRIMARY KEY,
  full_name TEXT NOT NULL,
  job_title TEXT,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  legacy_worker_id INTEGER UNIQUE
);
CREATE TABLE allocation (
  allocation_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  staff_id INTEGER NOT NULL REFERENCES staff (staff_id),
  start_date DATE NOT NULL,
  end_date DATE,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE TABLE pathway_plan (
  plan_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  plan_date DATE NOT NULL,
  next_review_due DATE,
  status TEXT NOT NULL CHECK (status IN ('CURRENT', 'SUPERSEDED')),
  CHECK (next_review_due IS NULL OR next_review_due >= plan_date)
);
CREATE TABLE pathway_review (
  review_id INTEGER PRIMARY KEY,
  plan_id INTEGER NOT NULL REFERENCES pathway_plan (plan_id),
  review_date DATE NOT NULL,
  reviewed_by TEXT,
  outcome TEXT
);
CREATE TABLE contact (
  contact_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  contact_date DATE NOT NULL,
  method TEXT,
  in_touch_code TEXT NOT NULL REFERENCES code_in_touch (code),
  recorded_by TEXT,
  note TEXT
);
CREATE TABLE accommodation_episode (
  episode_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  accom_code TEXT NOT NULL REFERENCES code_accommodation (code),
  start_date DATE NOT NULL,
  end_date DATE,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
CREATE TABLE activity_episode (
  episode_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  activity_code TEXT NOT NULL REFERENCES code_activity (code),
  start_date DATE NOT NULL,
  end_date DATE,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
-- Finance. Recurring arrangements the council pays from the cut-over on.
CREATE TABLE payment_arrangement (
  arrangement_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  payment_type TEXT NOT NULL REFERENCES code_payment_type (code),
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  frequency TEXT NOT NULL REFERENCES code_frequency (code),
  start_date DATE NOT NULL,
  end_date DATE,
  legacy_schedule_id INTEGER,
  CHECK (end_date IS NULL OR end_date >= start_date)
);
-- What the provider paid: historic and closed, never paid again (refunds negative).
CREATE TABLE payment (
  payment_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  payment_type TEXT NOT NULL REFERENCES code_payment_type (code),
  amount_pence INTEGER NOT NULL CHECK (amount_pence <> 0),
  paid_date DATE NOT NULL,
  period_start DATE,
  status TEXT NOT NULL DEFAULT 'HISTORIC_CLOSED' CHECK (status = 'HISTORIC_CLOSED'),
  legacy_payment_id INTEGER
);
-- Amounts owed to or held for a young person at the cut-over.
CREATE TABLE opening_balance (
  balance_id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES person (person_id),
  balance_type TEXT NOT NULL REFERENCES code_balance_type (code),
  amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
  as_at DATE NOT NULL,
  UNIQUE (person_id, balance_type)
);
