package cn.gov.enforcement.portal.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ListKindTest {

    @Test
    void each_list_is_read_from_its_folder_and_nothing_else_is() {
        assertThat(ListKind.ofFolder("risk-points")).contains(ListKind.RISK_POINTS);
        assertThat(ListKind.ofFolder("exemptions")).contains(ListKind.EXEMPTIONS);
        assertThat(ListKind.ofFolder("discretion")).contains(ListKind.DISCRETION);
        assertThat(ListKind.ofFolder("Exemptions")).isEmpty();
        assertThat(ListKind.ofFolder("")).isEmpty();
        assertThat(ListKind.ofFolder(null)).isEmpty();
    }

    @Test
    void the_back_office_edits_risk_points_and_exemption_items_only() {
        assertThat(ListKind.editable("risk-points")).contains(ListKind.RISK_POINTS);
        assertThat(ListKind.editable("exemptions")).contains(ListKind.EXEMPTIONS);
        assertThat(ListKind.editable("discretion")).isEmpty();
    }

    @Test
    void an_address_version_is_a_number_of_up_to_six_digits() {
        assertThat(ListEntryPreviewView.version("R-1", null)).isNull();
        assertThat(ListEntryPreviewView.version("R-1", "12")).isEqualTo(12);
        assertThatThrownBy(() -> ListEntryPreviewView.version("R-1", "1234567"))
                .isInstanceOf(ListEntryNotFoundException.class);
        assertThatThrownBy(() -> ListEntryPreviewView.version("R-1", "-1")).isInstanceOf(ListEntryNotFoundException.class);
        assertThatThrownBy(() -> ListEntryPreviewView.version("R-1", "１２")).isInstanceOf(ListEntryNotFoundException.class);
    }
}
