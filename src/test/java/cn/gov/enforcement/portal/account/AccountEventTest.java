package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AccountEventTest {

    @Test
    void the_name_key_is_lower_case_and_never_longer_than_its_column() {
        assertThat(AccountEvent.key("Officer-Zhang")).isEqualTo("officer-zhang");
        // İ lower-cases to two characters: 64 of them typed at the sign-in must still be logged
        String typed = "İ".repeat(64);
        assertThat(typed.toLowerCase(java.util.Locale.ROOT)).hasSize(128);
        assertThat(AccountEvent.key(typed)).hasSize(64);
    }
}
