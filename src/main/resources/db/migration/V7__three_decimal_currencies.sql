-- Amounts in currencies with three minor digits (ISO 4217: BHD, KWD, OMR, TND...): every computed
-- amount of quotes and invoices holds three decimals. The API writes each amount with exactly its
-- currency's digits (common/Money.java), whatever the column's scale.
ALTER TABLE quote
    ALTER COLUMN net_total TYPE NUMERIC(19, 3),
    ALTER COLUMN tax_total TYPE NUMERIC(19, 3),
    ALTER COLUMN gross_total TYPE NUMERIC(19, 3);
ALTER TABLE quote_line
    ALTER COLUMN net TYPE NUMERIC(19, 3),
    ALTER COLUMN tax TYPE NUMERIC(19, 3),
    ALTER COLUMN gross TYPE NUMERIC(19, 3);
ALTER TABLE invoice
    ALTER COLUMN net_total TYPE NUMERIC(19, 3),
    ALTER COLUMN tax_total TYPE NUMERIC(19, 3),
    ALTER COLUMN gross_total TYPE NUMERIC(19, 3);
ALTER TABLE invoice_line
    ALTER COLUMN net TYPE NUMERIC(19, 3),
    ALTER COLUMN tax TYPE NUMERIC(19, 3),
    ALTER COLUMN gross TYPE NUMERIC(19, 3);
