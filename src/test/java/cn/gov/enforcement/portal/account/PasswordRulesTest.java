package cn.gov.enforcement.portal.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.enforcement.portal.platform.Translations;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Trivial staff passwords are refused, each with its own message in the three languages. */
class PasswordRulesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            // the security review's examples
            "111111111111 | account.error.passwordRepeated",
            "aaaaaaaaaaaa | account.error.passwordRepeated",
            "AAAAaaaaAAAA | account.error.passwordRepeated",
            "123456789012 | account.error.passwordSequence",
            "abcdefghijkl | account.error.passwordSequence",
            "qwertyuiop12 | account.error.passwordSequence",
            "password1234 | account.error.passwordCommon",
            // backwards, keyboard rows, a few runs of different sequences
            "lkjihgfedcba | account.error.passwordSequence",
            "210987654321 | account.error.passwordSequence",
            "asdfghjkl;'z | account.error.passwordSequence",
            "zxcvbnm,./12 | account.error.passwordSequence",
            "abcdef123456 | account.error.passwordSequence",
            "abcd1234qwer | account.error.passwordSequence",
            "!@#$%^&*()_+ | account.error.passwordSequence",
            // few different characters
            "abababababab | account.error.passwordFewCharacters",
            "aabbccaabbcc | account.error.passwordFewCharacters",
            "1212121212aa | account.error.passwordFewCharacters",
            // common passwords, in any case, with digits or punctuation after them
            "Passw0rd2024! | account.error.passwordCommon",
            "P@ssw0rd!!!! | account.error.passwordCommon",
            "iloveyou2024 | account.error.passwordCommon",
            "woaini1314520 | account.error.passwordCommon",
            "Administrator | account.error.passwordCommon",
            "qazwsx!@#123 | account.error.passwordCommon",
            "1qaz2wsx3edc | account.error.passwordCommon",
            "ADMIN@123456 | account.error.passwordCommon",
            "zhongguo8888 | account.error.passwordCommon",
    })
    void a_trivial_password_is_refused_with_the_rule_it_breaks(String password, String key) {
        assertThat(password).as("read whole from the table").hasSizeGreaterThanOrEqualTo(12);
        assertThat(PasswordRules.problem(password)).as(password).contains(key);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a-much-longer-secret", "yet-another-secret", "own-new-secret-77", "another-long-secret",
            "he-own-secret-42", "feng-own-secret-7", "my-own-secret-42", "Configured-Secret-42", "Tianjin-river-2027",
            "correct horse battery staple", "执法平台的密码很长2027", "abcxyz-Tree-19", "password-of-mine", "my.password.1"})
    void a_password_of_ones_own_passes(String password) {
        assertThat(PasswordRules.problem(password)).as(password).isEmpty();
    }

    @Test
    void generated_passwords_pass() {
        for (int i = 0; i < 2000; i++) {
            String password = AccountService.randomPassword(16);
            assertThat(PasswordRules.problem(password)).as(password).isEmpty();
        }
    }

    @Test
    void the_common_list_is_lower_case_and_a_password_is_common_only_whole_or_with_digits_or_punctuation_after_it() {
        assertThat(PasswordRules.COMMON).allSatisfy(word -> assertThat(word).isEqualTo(word.toLowerCase(Locale.ROOT)));
        assertThat(PasswordRules.COMMON.size()).isBetween(50, 150);
        assertThat(PasswordRules.common("password")).isTrue();
        assertThat(PasswordRules.common("password!2024")).isTrue();
        assertThat(PasswordRules.common("mypassword12")).isFalse();
        assertThat(PasswordRules.common("password-mine")).isFalse();
        assertThat(PasswordRules.common("2024password")).isFalse();
    }

    @Test
    void every_rule_has_its_own_message_in_every_language() {
        Translations translations = new Translations();
        List<String> keys = List.of("account.error.passwordRepeated", "account.error.passwordSequence",
                "account.error.passwordFewCharacters", "account.error.passwordCommon");
        for (Locale locale : Translations.LOCALES) {
            List<String> texts = keys.stream().map(key -> translations.get(locale, key)).toList();
            assertThat(texts).as(locale.toString()).doesNotHaveDuplicates().noneMatch(t -> t.startsWith("!"));
        }
        assertThat(translations.get(Translations.ZH_CN, "account.error.passwordSequence")).contains("连续");
        assertThat(translations.get(Translations.ZH_TW, "account.error.passwordFewCharacters")).contains("4 個不同的字元");
        assertThat(translations.get(Translations.EN, "account.error.passwordCommon")).contains("too common");
    }

    @Test
    void the_account_service_refuses_them_after_the_length_and_the_name_on_the_field() {
        AccountSettings settings = new AccountSettings("admin", null, 5, java.time.Duration.ofMinutes(15), 12, null);
        AccountService service = new AccountService(org.mockito.Mockito.mock(UserAccountRepository.class),
                org.springframework.security.crypto.factory.PasswordEncoderFactories.createDelegatingPasswordEncoder(),
                java.time.Clock.systemUTC(), settings, Optional.empty(), org.mockito.Mockito.mock(CurrentUser.class),
                org.mockito.Mockito.mock(AccountLog.class), new LoginThrottle(java.time.Clock.systemUTC(), settings));
        assertThat(service.passwordProblems("qwertyuiop12", "zhang.san", "password"))
                .extracting(p -> p.field() + " " + p.messageKey())
                .containsExactly("password account.error.passwordSequence");
        assertThat(service.passwordProblems("1111", "zhang.san", "password"))
                .extracting(p -> p.messageKey()).containsExactly("account.error.passwordLength");
        assertThat(service.passwordProblems("zhang.san-000000", "zhang.san", "password"))
                .extracting(p -> p.messageKey()).containsExactly("account.error.passwordContainsName");
        assertThat(service.passwordProblems("a-much-longer-secret", "zhang.san", "password")).isEmpty();
    }
}
