package cn.gov.enforcement.portal.mediation;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.KaribuViewTest;
import cn.gov.enforcement.portal.mediation.internal.MediationCase;
import cn.gov.enforcement.portal.mediation.internal.MediationCaseRepository;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.TestingLifecycleHookKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.router.QueryParameters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import kotlin.Unit;
import kotlin.jvm.functions.Function1;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mediation queue reads and shows one page of cases at a time, newest first, the filters done by the database and
 * kept in the address as the officer pages through them. The cases belong to an agency of their own, opened by an
 * administrator.
 */
class MediationQueuePagingIT extends KaribuViewTest {

    @Autowired MediationCaseRepository caseRepository;
    @Autowired MediationBackOffice backOffice;
    @Autowired PlatformTransactionManager transactionManager;
    @Autowired Clock clock;

    private String agency;
    /** Case numbers, newest first. */
    private final List<String> all = new ArrayList<>();
    private final Set<String> overdueDecisions = new HashSet<>();
    private final Set<String> inMediation = new HashSet<>();

    @BeforeEach
    void oneHundredThirtyFiveCases() {
        agency = "queue-paging-" + UUID.randomUUID().toString().substring(0, 8);
        Instant now = clock.instant();
        Instant longAgo = now.minus(Duration.ofDays(90));
        // from the oldest to the newest, a minute apart
        List<String> oldestFirst = new ArrayList<>();
        overdueDecisions.addAll(cases(30, longAgo, c -> { }, oldestFirst));
        inMediation.addAll(cases(15, longAgo.plus(Duration.ofHours(1)), c -> c.accept("o", null, longAgo), oldestFirst));
        cases(10, now.minus(Duration.ofDays(2)), c -> c.withdraw("已和解", now.minus(Duration.ofDays(1))), oldestFirst);
        inMediation.addAll(cases(40, now.minus(Duration.ofDays(1)), c -> c.accept("o", null, now), oldestFirst));
        cases(40, now.minus(Duration.ofHours(2)), c -> { }, oldestFirst);
        all.addAll(oldestFirst);
        java.util.Collections.reverse(all);
        signIn("admin", "ADMIN");
    }

    private List<String> cases(int count, Instant from, Consumer<MediationCase> steps, List<String> oldestFirst) {
        List<String> numbers = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(s -> {
            for (int i = 0; i < count; i++) {
                numbers.add(MediationTestSupport.storeCase(caseRepository, agency, from.plus(Duration.ofMinutes(i)), "QP-",
                        steps));
            }
        });
        oldestFirst.addAll(numbers);
        return numbers;
    }

    private static List<String> rows() {
        return _find(Div.class, spec -> spec.withClasses("mediation-queue-row")).stream()
                .map(row -> row.getElement().getAttribute("data-case")).toList();
    }

    private static String pageInfo() {
        return _get(Span.class, spec -> spec.withId("mediation-queue-page")).getText();
    }

    private static Button button(String id) {
        return _get(Button.class, spec -> spec.withId(id));
    }

    private void open(Map<String, String> query) {
        Map<String, String> withAgency = new java.util.HashMap<>(query);
        withAgency.put("agency", agency);
        UI.getCurrent().navigate("staff/mediation", QueryParameters.simple(withAgency));
    }

    @Test
    void the_queue_shows_fifty_cases_a_page_newest_first_and_pages_through_all_of_them() {
        open(Map.of());
        assertThat(rows()).as("the newest fifty").containsExactlyElementsOf(all.subList(0, 50));
        assertThat(pageInfo()).isEqualTo("第 1 / 3 页，共 135 件");
        assertThat(button("mediation-queue-previous").isEnabled()).isFalse();

        _click(button("mediation-queue-next"));
        assertThat(rows()).containsExactlyElementsOf(all.subList(50, 100));
        _click(button("mediation-queue-next"));
        assertThat(rows()).containsExactlyElementsOf(all.subList(100, 135));
        assertThat(pageInfo()).isEqualTo("第 3 / 3 页，共 135 件");
        assertThat(button("mediation-queue-next").isEnabled()).isFalse();
        _click(button("mediation-queue-previous"));
        assertThat(rows()).containsExactlyElementsOf(all.subList(50, 100));

        open(Map.of("page", "3"));
        assertThat(rows()).containsExactlyElementsOf(all.subList(100, 135));
        open(Map.of("page", "999"));
        assertThat(rows()).as("after the last page: the last").containsExactlyElementsOf(all.subList(100, 135));
        open(Map.of("page", "zwei"));
        assertThat(rows()).as("not a page number: the first").containsExactlyElementsOf(all.subList(0, 50));
    }

    @Test
    void the_filters_are_the_databases_and_stay_set_and_in_the_address_while_paging() {
        open(Map.of("status", "SUBMITTED", "overdue", "true"));
        assertThat(rows()).containsExactlyInAnyOrderElementsOf(overdueDecisions);
        assertThat(pageInfo()).isEqualTo("第 1 / 1 页，共 30 件");

        open(Map.of("stage", "mediation", "page", "2"));
        assertThat(rows()).hasSize(5).allMatch(inMediation::contains);
        assertThat(pageInfo()).isEqualTo("第 2 / 2 页，共 55 件");
        List<String> addresses = new ArrayList<>();
        List<Function1<PendingJavaScriptInvocation, Unit>> handlers = TestingLifecycleHookKt.getPendingJavascriptInvocationHandlers();
        List<Function1<PendingJavaScriptInvocation, Unit>> recording = new ArrayList<>(handlers);
        recording.add(invocation -> {
            invocation.getInvocation().getParameters().forEach(p -> addresses.add(String.valueOf(p)));
            return Unit.INSTANCE;
        });
        TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(recording);
        try {
            _click(button("mediation-queue-previous"));
            MockVaadin.clientRoundtrip();
            assertThat(rows()).hasSize(50).allMatch(inMediation::contains);
            assertThat(_get(Checkbox.class, spec -> spec.withId("mediation-queue-in-mediation")).getValue()).isTrue();
            assertThat(addresses).as("the address keeps the agency and the filter, page 1 unnamed")
                    .contains("staff/mediation?agency=" + agency + "&stage=mediation");

            _click(button("mediation-queue-next"));
            MockVaadin.clientRoundtrip();
            assertThat(addresses).contains("staff/mediation?agency=" + agency + "&stage=mediation&page=2");

            _get(Checkbox.class, spec -> spec.withId("mediation-queue-overdue")).setValue(true);
            MockVaadin.clientRoundtrip();
            assertThat(rows()).as("a changed filter starts again at page 1").hasSize(15).allMatch(inMediation::contains);
            assertThat(addresses).contains("staff/mediation?agency=" + agency + "&stage=mediation&overdue=true");
        } finally {
            TestingLifecycleHookKt.setPendingJavascriptInvocationHandlers(handlers);
        }
    }

    @Test
    void the_overdue_filter_of_the_database_takes_just_the_cases_the_queue_marks_overdue() {
        List<CaseSummary> every = backOffice.queue(agency, MediationBackOffice.QueueFilter.ALL);
        List<CaseSummary> overdue = backOffice.queue(agency, new MediationBackOffice.QueueFilter(null, true, false));
        assertThat(overdue).extracting(CaseSummary::caseNumber).containsExactlyInAnyOrderElementsOf(
                every.stream().filter(CaseSummary::overdue).map(CaseSummary::caseNumber).toList());
        assertThat(overdue).hasSize(45);
        assertThat(backOffice.queuePage(agency, MediationBackOffice.QueueFilter.ALL, 0).cases())
                .hasSize(MediationBackOffice.PAGE_SIZE);
    }
}
