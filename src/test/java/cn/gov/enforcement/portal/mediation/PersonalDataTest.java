package cn.gov.enforcement.portal.mediation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.enforcement.portal.platform.AccessCodes;
import cn.gov.enforcement.portal.mediation.internal.IdNumberCipher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersonalDataTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

    @Test
    void resident_ids_with_the_right_check_character_are_valid() {
        // check characters computed by hand with the GB 11643 weights, mod 11 → "10X98765432"
        assertThat(PersonalData.residentIdProblem("11010519491231002X", TODAY)).isEmpty();
        assertThat(PersonalData.residentIdProblem("440304199001011233", TODAY)).isEmpty();
        assertThat(PersonalData.residentIdProblem("310115198503150078", TODAY)).isEmpty();
        assertThat(PersonalData.residentIdProblem("110101200002290018", TODAY)).isEmpty();
        assertThat(PersonalData.residentIdProblem(" 11010519491231002x ", TODAY)).as("lower-case x and spaces").isEmpty();
        assertThat(PersonalData.checkCharacter("11010519491231002")).isEqualTo('X');
    }

    @Test
    void a_wrong_check_character_is_reported() {
        assertThat(PersonalData.residentIdProblem("110105194912310021", TODAY)).contains("mediation.error.residentId.checkDigit");
        assertThat(PersonalData.residentIdProblem("440304199001011234", TODAY)).contains("mediation.error.residentId.checkDigit");
    }

    @Test
    void credit_codes_are_checked_by_their_gb_32100_check_character() {
        // 91350100M000100Y43 is the worked example of GB 32100-2015; the others computed with its weights, mod 31
        assertThat(PersonalData.creditCodeProblem("91350100M000100Y43")).isEmpty();
        assertThat(PersonalData.creditCodeProblem(" 91110000100000000r ")).as("lower case and spaces").isEmpty();
        assertThat(PersonalData.creditCodeCheckCharacter("91110108MA01ABCD0")).isEqualTo('B');
        assertThat(PersonalData.creditCodeProblem("91350100M000100Y44")).contains("mediation.error.creditCode.checkDigit");
        assertThat(PersonalData.creditCodeProblem("91110000100000000X")).contains("mediation.error.creditCode.checkDigit");
        assertThat(PersonalData.creditCodeProblem("91350100M000100Y4")).contains("mediation.error.creditCode");
        assertThat(PersonalData.creditCodeProblem("9135010OM000100Y43")).as("letter O in the region code")
                .contains("mediation.error.creditCode");
    }

    @Test
    void wrong_length_or_characters_are_a_format_problem() {
        assertThat(PersonalData.residentIdProblem("11010519491231002", TODAY)).contains("mediation.error.residentId.format");
        assertThat(PersonalData.residentIdProblem("1101051949123100211", TODAY)).contains("mediation.error.residentId.format");
        assertThat(PersonalData.residentIdProblem("11010519491231X02X", TODAY)).contains("mediation.error.residentId.format");
        assertThat(PersonalData.residentIdProblem("", TODAY)).contains("mediation.error.residentId.format");
        assertThat(PersonalData.residentIdProblem(null, TODAY)).contains("mediation.error.residentId.format");
    }

    @Test
    void impossible_or_future_birth_dates_are_rejected_even_with_a_matching_check_character() {
        String feb30 = "11010119900230001";
        assertThat(PersonalData.residentIdProblem(feb30 + PersonalData.checkCharacter(feb30), TODAY))
                .contains("mediation.error.residentId.birthDate");
        String future = "11010120300101001";
        assertThat(PersonalData.residentIdProblem(future + PersonalData.checkCharacter(future), TODAY))
                .contains("mediation.error.residentId.birthDate");
        String ancient = "11010118500101001";
        assertThat(PersonalData.residentIdProblem(ancient + PersonalData.checkCharacter(ancient), TODAY))
                .contains("mediation.error.residentId.birthDate");
        String notLeap = "11010120010229001";
        assertThat(PersonalData.residentIdProblem(notLeap + PersonalData.checkCharacter(notLeap), TODAY))
                .contains("mediation.error.residentId.birthDate");
    }

    @Test
    void ids_and_phones_are_masked() {
        assertThat(PersonalData.maskId("110105194912311234")).isEqualTo("110***********1234");
        assertThat(PersonalData.maskId("E1234567")).isEqualTo("*******7");
        assertThat(PersonalData.maskPhone("13800138000")).isEqualTo("138****8000");
        assertThat(PersonalData.maskPhone("010-12345678")).isEqualTo("010*****5678");
    }

    @Test
    void mobile_and_landline_numbers_are_accepted_and_others_not() {
        assertThat(PersonalData.isValidPhone("13800138000")).isTrue();
        assertThat(PersonalData.isValidPhone("138 0013 8000")).isTrue();
        assertThat(PersonalData.isValidPhone("010-12345678")).isTrue();
        assertThat(PersonalData.isValidPhone("12800138000")).isFalse();
        assertThat(PersonalData.isValidPhone("1380013800")).isFalse();
        assertThat(PersonalData.isValidPhone("hello")).isFalse();
    }

    @Test
    void phones_with_a_country_code_an_extension_or_full_width_digits_are_accepted_in_a_normal_form() {
        assertThat(PersonalData.normalizePhone("+86 138 0013 8000")).isEqualTo("13800138000");
        assertThat(PersonalData.normalizePhone("0086 13800138000")).isEqualTo("13800138000");
        assertThat(PersonalData.normalizePhone("+86-138-0013-8000")).isEqualTo("13800138000");
        assertThat(PersonalData.normalizePhone("138-0013-8000")).isEqualTo("13800138000");
        assertThat(PersonalData.normalizePhone("１３８　００１３　８０００")).as("full-width digits and space").isEqualTo("13800138000");
        assertThat(PersonalData.normalizePhone("+86 10 1234 5678")).as("a landline abroad drops its 0").isEqualTo("01012345678");
        assertThat(PersonalData.normalizePhone("010-12345678-123")).isEqualTo("010-12345678-123");
        assertThat(PersonalData.normalizePhone("010－12345678 转 123")).isEqualTo("010-12345678-123");
        assertThat(PersonalData.normalizePhone("(0755)8888 6666轉12")).isEqualTo("075588886666-12");
        for (String phone : List.of("+86 138 0013 8000", "0086 13800138000", "010-12345678-123", "010-12345678转123",
                "１３８００１３８０００", "+86 10 12345678", "(010)12345678")) {
            assertThat(PersonalData.isValidPhone(phone)).as(phone).isTrue();
        }
        for (String phone : List.of("010-12345678-1234567", "13800138000-12", "+1 202 555 0100", "+86 1380013800",
                "010-12345678转", "８６１３８")) {
            assertThat(PersonalData.isValidPhone(phone)).as(phone).isFalse();
        }
    }

    @Test
    void resident_ids_and_credit_codes_typed_in_full_width_characters_are_checked_as_half_width() {
        assertThat(PersonalData.normalizeResidentId("１１０１０５１９４９１２３１００２Ｘ")).isEqualTo("11010519491231002X");
        assertThat(PersonalData.residentIdProblem("１１０１０５　１９４９１２３１　００２ｘ", TODAY)).isEmpty();
        assertThat(PersonalData.residentIdProblem("１１０１０５１９４９１２３１００２１", TODAY))
                .contains("mediation.error.residentId.checkDigit");
        assertThat(PersonalData.creditCodeProblem("９１３５０１００Ｍ０００１００Ｙ４３")).isEmpty();
    }

    @Test
    void id_numbers_are_encrypted_with_a_fresh_nonce_and_decrypt_only_with_the_same_key() {
        byte[] key = new byte[32];
        key[0] = 1;
        IdNumberCipher cipher = new IdNumberCipher(key);
        String a = cipher.encrypt("11010519491231002X");
        String b = cipher.encrypt("11010519491231002X");
        assertThat(a).isNotEqualTo(b).doesNotContain("11010519491231002X");
        assertThat(cipher.decrypt(a)).isEqualTo("11010519491231002X");
        IdNumberCipher other = new IdNumberCipher(new byte[32]);
        assertThatThrownBy(() -> other.decrypt(a)).isInstanceOf(IllegalStateException.class);
        byte[] tampered = Base64.getDecoder().decode(a);
        tampered[tampered.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(Base64.getEncoder().encodeToString(tampered)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> IdNumberCipher.fromBase64("not base64!")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_missing_key_file_is_generated_once_for_the_owner_only(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("keys/mediation.key");
        String sealed = IdNumberCipher.fromKeyFile(file).encrypt("secret");
        assertThat(file).exists();
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        if (Files.getFileStore(file).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        assertThat(IdNumberCipher.fromKeyFile(file).decrypt(sealed)).as("the same key is read again").isEqualTo("secret");
    }

    @Test
    void access_codes_are_random_and_kept_only_as_salted_hashes() {
        String code = AccessCodes.generate();
        assertThat(code).hasSize(12).matches("[A-Z2-9]+");
        assertThat(AccessCodes.generate()).isNotEqualTo(code);
        String stored = AccessCodes.hash(code);
        assertThat(stored).doesNotContain(code);
        assertThat(AccessCodes.hash(code)).isNotEqualTo(stored);
        assertThat(AccessCodes.matches(code, stored)).isTrue();
        assertThat(AccessCodes.matches(code.toLowerCase(), stored)).isTrue();
        assertThat(AccessCodes.matches(code.substring(1) + "A", stored)).isFalse();
        assertThat(AccessCodes.matches(code, AccessCodes.DUMMY)).isFalse();
    }
}
