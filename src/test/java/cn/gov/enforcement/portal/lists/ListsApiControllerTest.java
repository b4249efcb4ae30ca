package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** How the eligibility API reads the JSON values of the answers. */
class ListsApiControllerTest {

    @Test
    void json_numbers_become_plain_decimals_the_checker_reads() {
        assertThat(ListsApiController.answerText(12345678.5d)).isEqualTo("12345678.5");
        assertThat(ListsApiController.answerText(0.0001d)).isEqualTo("0.0001");
        assertThat(ListsApiController.answerText(90.0d)).isEqualTo("90");
        assertThat(ListsApiController.answerText(90)).isEqualTo("90");
        assertThat(ListsApiController.answerText(100)).isEqualTo("100");
        assertThat(ListsApiController.answerText(12345678901L)).isEqualTo("12345678901");
        assertThat(ListsApiController.answerText(new BigInteger("123456789012345678901234567890")))
                .isEqualTo("123456789012345678901234567890");
        assertThat(ListsApiController.answerText(new BigDecimal("1.50"))).isEqualTo("1.5");
        Condition amount = new Condition(ConditionType.AMOUNT_BELOW, "货值是多少？", new BigDecimal("20000000"), "元", "货值");
        assertThat(EligibilityChecker.number(ListsApiController.answerText(12345678.5d), amount, 0))
                .isEqualByComparingTo("12345678.5");
    }

    @Test
    void booleans_are_yes_or_no_and_texts_stay_as_they_are() {
        assertThat(ListsApiController.answerText(true)).isEqualTo("yes");
        assertThat(ListsApiController.answerText(false)).isEqualTo("no");
        assertThat(ListsApiController.answerText("1.2E3")).isEqualTo("1.2E3");
        assertThat(ListsApiController.answerText(null)).isNull();
    }
}
