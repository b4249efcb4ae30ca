package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.platform.Translations;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountLogTextsTest {

    private final Translations translations = new Translations();

    @Test
    void every_event_and_detail_code_has_a_text() {
        for (AccountAction action : AccountAction.values()) {
            assertThat(translations.has(action.messageKey())).as(action.messageKey()).isTrue();
        }
        for (String detail : List.of("badCredentials", "disabled", "set", "removed", "generated", "configured")) {
            assertThat(translations.has("account.log.detail." + detail)).as(detail).isTrue();
        }
        for (String field : List.of("displayName", "email")) {
            assertThat(translations.has("account.field." + field)).as(field).isTrue();
        }
    }

    @Test
    void the_log_is_kept_a_year_by_default_and_never_less_than_six_months() {
        assertThat(new AccountSettings(null, null, null, null, null, null).logRetention()).isEqualTo(Duration.ofDays(365));
        assertThat(new AccountSettings(null, null, null, null, null, Duration.ofDays(180)).logRetention())
                .isEqualTo(Duration.ofDays(180));
        assertThatThrownBy(() -> new AccountSettings(null, null, null, null, null, Duration.ofDays(30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("portal.account.log-retention");
    }

    @Test
    void back_office_pages_name_an_agency_in_the_readers_language() {
        var ref = new AgencyCatalog.AgencyRef("sample-market-regulation", "示例市市场监督管理局",
                "Sample City Administration for Market Regulation");
        assertThat(ref.displayName(java.util.Locale.ENGLISH)).isEqualTo("Sample City Administration for Market Regulation");
        assertThat(ref.displayName(Translations.ZH_TW)).isEqualTo("示例市市場監督管理局");
        assertThat(ref.displayName(Translations.ZH_CN)).isEqualTo("示例市市场监督管理局");
        assertThat(new AgencyCatalog.AgencyRef("x", "示例局", null).displayName(java.util.Locale.ENGLISH)).isEqualTo("示例局");
    }
}
