package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.platform.Translations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class MediationTranslationsTest {

    private final Translations translations = new Translations();

    @Test
    void every_mediation_key_named_in_the_code_exists() throws IOException {
        Pattern key = Pattern.compile("\"(mediation\\.[a-zA-Z0-9_.]+)\"");
        Set<String> missing = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/gov/enforcement/portal/mediation"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = key.matcher(Files.readString(file));
                while (m.find()) {
                    String k = m.group(1);
                    if (!k.endsWith(".") && !k.equals("mediation.key") && !translations.has(k)) {
                        missing.add(file.getFileName() + ": " + k);
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void every_category_status_applicant_kind_id_type_and_step_has_a_text() {
        for (DisputeCategory c : DisputeCategory.values()) {
            assertThat(translations.has(c.messageKey())).as(c.name()).isTrue();
        }
        for (CaseStatus s : CaseStatus.values()) {
            assertThat(translations.has(s.messageKey())).as(s.name()).isTrue();
        }
        for (MediationApplication.ApplicantKind k : MediationApplication.ApplicantKind.values()) {
            assertThat(translations.has("mediation.applicantKind." + k.name())).as(k.name()).isTrue();
        }
        for (MediationApplication.IdType t : MediationApplication.IdType.values()) {
            assertThat(translations.has("mediation.idType." + t.name())).as(t.name()).isTrue();
        }
        for (int i = 0; i < MediationApplyView.STEPS; i++) {
            assertThat(translations.has("mediation.apply.step." + i)).as("step " + i).isTrue();
        }
    }

    @Test
    void pages_say_that_a_mail_will_be_sent_not_that_it_has_been() {
        // without a mail server every mail waits in the outbox: a page cannot know that it has gone
        for (var locale : Translations.LOCALES) {
            for (String key : java.util.List.of("mediation.apply.done.byMail", "mediation.apply.done.duplicate",
                    "mediation.letter.createdMailed", "guidance.compose.issuedMailed")) {
                assertThat(translations.get(locale, key, "TJ-2026-000001", "party@example.cn")).as(locale + " " + key)
                        .doesNotContain("已发送", "已發送", "已傳送", "通过邮件发送。", "has been mailed", "have been sent",
                                "and mailed", "was shown and mailed");
            }
        }
    }

    @Test
    void messages_with_arguments_format_in_all_three_languages() {
        for (var locale : Translations.LOCALES) {
            assertThat(translations.get(locale, "mediation.info.time.text", 5, 20, 10)).contains("5", "20", "10");
            assertThat(translations.get(locale, "mediation.mail.submitted.body", "张三", "TJ-2026-000001", "ABCD", "x", "y", "2026-03-09"))
                    .contains("TJ-2026-000001", "ABCD", "2026-03-09");
        }
    }
}
