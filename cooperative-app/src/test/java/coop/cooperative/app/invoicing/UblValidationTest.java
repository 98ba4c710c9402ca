package coop.cooperative.app.invoicing;

import com.helger.commons.error.IError;
import com.helger.diver.api.coord.DVRCoordinate;
import com.helger.phive.api.execute.ValidationExecutionManager;
import com.helger.phive.api.executorset.IValidationExecutorSet;
import com.helger.phive.api.executorset.ValidationExecutorSetRegistry;
import com.helger.phive.api.result.ValidationResultList;
import com.helger.phive.en16931.EN16931Validation;
import com.helger.phive.simplerinvoicing.SimplerInvoicingValidation;
import com.helger.phive.xml.source.IValidationSourceXML;
import com.helger.phive.xml.source.ValidationSourceXML;
import coop.cooperative.core.invoicing.api.Address;
import coop.cooperative.core.invoicing.api.InvoiceId;
import coop.cooperative.core.invoicing.api.VatRate;
import coop.cooperative.core.projects.api.ProjectId;
import coop.cooperative.core.shared.CooperativeId;
import coop.cooperative.core.shared.MemberId;
import coop.cooperative.core.shared.Money;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentKind;
import coop.cooperative.projections.invoicing.InvoicingQueries.DocumentStatus;
import coop.cooperative.projections.invoicing.InvoicingQueries.InvoiceView;
import coop.cooperative.projections.invoicing.InvoicingQueries.LineView;
import coop.cooperative.projections.invoicing.InvoicingQueries.Party;
import coop.cooperative.projections.invoicing.InvoicingQueries.VatView;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of UBL the cooperative writes passes the official EN 16931 and SI-UBL 2.0 validation
 * artefacts (phive) with no error: a plain invoice, several VAT rates, reverse charge, a credit note
 * and a supply period of part of a month.
 */
public class UblValidationTest {

    private static final Currency EUR = Currency.getInstance("EUR");
    private static final LocalDate ISSUED = LocalDate.of(2026, 12, 4);
    private static final ValidationExecutorSetRegistry<IValidationSourceXML> RULES = new ValidationExecutorSetRegistry<>();

    static {
        EN16931Validation.initEN16931(RULES);
        SimplerInvoicingValidation.initSimplerInvoicing(RULES);
    }

    private static final Party SELLER = new Party("De Gilde U.A.", new Address("Oudegracht 1", "3511 AA", "Utrecht", "NL"),
            "NL123456789B01", "12345678", "NL91ABNA0417164300");
    private static final Party DUTCH_CLIENT = new Party("Gemeente Utrecht",
            new Address("Stadsplateau 1", "3521 AZ", "Utrecht", "NL"), "NL001234567B01", "87654321", null);
    private static final Party GERMAN_CLIENT = new Party("Stadtwerke Köln GmbH",
            new Address("Parkgürtel 24", "50823", "Köln", "DE"), "DE123456789", null, null);

    private static Money eur(String amount) {
        return Money.of(amount, EUR);
    }

    private static LineView line(int number, String quantity, String price, VatRate rate, String amount) {
        return new LineView(number, "Hours ux", MemberId.random(), "ux", new BigDecimal(quantity), eur(price), rate,
                eur(amount), null, null);
    }

    private static InvoiceView invoice(Party buyer, LocalDate from, LocalDate to, List<LineView> lines, List<VatView> vat,
                                       String exclVat, String totalVat, String total) {
        return new InvoiceView(InvoiceId.random(), CooperativeId.random(), ProjectId.random(), DocumentKind.INVOICE, null,
                "2026-0001", DocumentStatus.SENT, EUR, from, to, null, null, null, ISSUED, ISSUED.plusDays(30),
                new BigDecimal("5"), null, lines, vat, eur(exclVat), eur(totalVat), eur(total), eur("0.00"), eur("0.00"),
                SELLER, buyer, List.of(), null);
    }

    private static List<String> errors(String xml, DVRCoordinate... rules) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<String> errors = new ArrayList<>();
        for (DVRCoordinate id : rules) {
            IValidationExecutorSet<IValidationSourceXML> set = RULES.getOfID(id);
            assertThat(set).as(id.getAsSingleID()).isNotNull();
            ValidationResultList results = ValidationExecutionManager.executeValidation(set,
                    ValidationSourceXML.create("invoice.xml", document), Locale.ENGLISH);
            for (IError error : results.getAllErrors()) {
                errors.add(id.getAsSingleID() + ": " + error.getAsString(Locale.ENGLISH));
            }
        }
        return errors;
    }

    /** The errors the EN 16931 and SI-UBL 2.0 rule sets find in a UBL invoice (an empty list: valid). */
    public static List<String> invoiceErrors(String xml) throws Exception {
        return errors(xml, EN16931Validation.VID_UBL_INVOICE_1313, SimplerInvoicingValidation.VID_SI_INVOICE_V2_0_3_10);
    }

    /** The errors the EN 16931 and SI-UBL 2.0 rule sets find in a UBL credit note. */
    public static List<String> creditNoteErrors(String xml) throws Exception {
        return errors(xml, EN16931Validation.VID_UBL_CREDIT_NOTE_1313, SimplerInvoicingValidation.VID_SI_CREDIT_NOTE_V2_0_3_10);
    }

    private static void assertValidInvoice(InvoiceView invoice) throws Exception {
        String xml = UblDocument.of(invoice);
        assertThat(errors(xml, EN16931Validation.VID_UBL_INVOICE_1313, SimplerInvoicingValidation.VID_SI_INVOICE_V2_0_3_10))
                .as(xml).isEmpty();
    }

    @Test
    void aPlainInvoicePassesEn16931AndSiUbl() throws Exception {
        assertValidInvoice(invoice(DUTCH_CLIENT, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                List.of(line(1, "10.25", "100.00", VatRate.STANDARD, "1025.00")),
                List.of(new VatView(VatRate.STANDARD, eur("1025.00"), eur("215.25"))), "1025.00", "215.25", "1240.25"));
    }

    @Test
    void anInvoiceWithSeveralVatRatesPasses() throws Exception {
        assertValidInvoice(invoice(DUTCH_CLIENT, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), List.of(
                        line(1, "10.25", "100.00", VatRate.STANDARD, "1025.00"),
                        line(2, "4.00", "80.00", VatRate.REDUCED, "320.00"),
                        line(3, "2.00", "50.00", VatRate.ZERO, "100.00")),
                List.of(new VatView(VatRate.STANDARD, eur("1025.00"), eur("215.25")),
                        new VatView(VatRate.REDUCED, eur("320.00"), eur("28.80")),
                        new VatView(VatRate.ZERO, eur("100.00"), eur("0.00"))),
                "1445.00", "244.05", "1689.05"));
    }

    @Test
    void aReverseChargedInvoiceToAnEuBusinessPasses() throws Exception {
        assertValidInvoice(invoice(GERMAN_CLIENT, LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                List.of(line(1, "8.00", "100.00", VatRate.REVERSE_CHARGE, "800.00")),
                List.of(new VatView(VatRate.REVERSE_CHARGE, eur("800.00"), eur("0.00"))), "800.00", "0.00", "800.00"));
    }

    @Test
    void anInvoiceForPartOfAMonthPasses() throws Exception {
        assertValidInvoice(invoice(DUTCH_CLIENT, LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 20),
                List.of(line(1, "3.75", "95.50", VatRate.STANDARD, "358.13")),
                List.of(new VatView(VatRate.STANDARD, eur("358.13"), eur("75.21"))), "358.13", "75.21", "433.34"));
    }

    @Test
    void aCreditNotePasses() throws Exception {
        InvoiceView credit = new InvoiceView(InvoiceId.random(), CooperativeId.random(), ProjectId.random(),
                DocumentKind.CREDIT_NOTE, InvoiceId.random(), "2026-0002", DocumentStatus.SENT, EUR,
                LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), null, null, null, ISSUED, ISSUED,
                new BigDecimal("5"), "Training cancelled",
                List.of(new LineView(2, "Hours java", MemberId.random(), null, BigDecimal.ONE, eur("320.00"),
                        VatRate.REDUCED, eur("320.00"), null, null)),
                List.of(new VatView(VatRate.REDUCED, eur("320.00"), eur("28.80"))), eur("320.00"), eur("28.80"),
                eur("348.80"), eur("0.00"), eur("0.00"), SELLER, DUTCH_CLIENT, List.of(), "2026-0001");
        String xml = UblDocument.of(credit);
        assertThat(errors(xml, EN16931Validation.VID_UBL_CREDIT_NOTE_1313, SimplerInvoicingValidation.VID_SI_CREDIT_NOTE_V2_0_3_10))
                .as(xml).isEmpty();
    }
}
