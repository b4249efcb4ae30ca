package cn.gov.enforcement.portal.regulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class RegulationFiltersTest {

    private static RegulationFilters.Parsed dates(String from, String to) {
        return RegulationFilters.parse("合同", null, null, null, null, null, null, from, to, 20);
    }

    @Test
    void years_the_search_node_cannot_store_are_a_bad_date_not_a_failed_search() {
        for (String date : new String[] {"0000-01-01", "-0001-01-01", "+10000-01-01", "-999999999-01-01"}) {
            assertThat(dates(date, null).errorKey()).as(date).isEqualTo("regulation.api.badDate");
            assertThat(dates(null, date).errorKey()).as(date).isEqualTo("regulation.api.badDate");
            assertThat(RegulationFilters.date(date)).as(date).isEmpty();
        }
        assertThat(dates("0001-01-01", "9999-12-31").query().effectiveFrom()).isEqualTo(LocalDate.of(1, 1, 1));
        assertThat(dates("0001-01-01", "9999-12-31").query().effectiveTo()).isEqualTo(LocalDate.of(9999, 12, 31));
        assertThat(RegulationFilters.date(" 2021-07-15 ")).contains(LocalDate.of(2021, 7, 15));
        assertThat(dates("2021-02-30", null).errorKey()).isEqualTo("regulation.api.badDate");
    }

    private static RegulationFilters.Parsed size(String size) {
        return RegulationFilters.parse("合同", null, size, null, null, null, null, null, null, 20);
    }

    @Test
    void a_size_beyond_the_largest_page_is_cut_however_many_digits_it_has_and_a_non_size_is_refused() {
        // cut to the largest page later (RegulationCatalog): here it must only not be refused
        assertThat(size("150").query().size()).isEqualTo(150);
        assertThat(size("999999999").query().size()).isEqualTo(999_999_999);
        assertThat(size("10000000000").query().size()).isEqualTo(Integer.MAX_VALUE);
        assertThat(size("0012345678901234567890").query().size()).isEqualTo(Integer.MAX_VALUE);
        for (String bad : new String[] {"0", "000", "-5", "1e3", "abc", "00000000000"}) {
            assertThat(size(bad).errorKey()).as(bad).isEqualTo("regulation.api.badSize");
        }
        assertThat(size(null).query().size()).isEqualTo(20);
    }
}
