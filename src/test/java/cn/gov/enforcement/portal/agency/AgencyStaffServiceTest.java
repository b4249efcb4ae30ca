package cn.gov.enforcement.portal.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.gov.enforcement.portal.account.CurrentUser;
import cn.gov.enforcement.portal.agency.data.AgencyEntity;
import cn.gov.enforcement.portal.agency.data.AgencyRepository;
import cn.gov.enforcement.portal.agency.data.OfficerValue;
import cn.gov.enforcement.portal.agency.data.PowerValue;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

class AgencyStaffServiceTest {

    /** A signed-in user bound to one agency (or an administrator). */
    record FakeUser(String agency, boolean admin) implements CurrentUser {
        @Override
        public Optional<String> username() {
            return Optional.of("someone");
        }

        @Override
        public Optional<String> agencyId() {
            return Optional.ofNullable(agency);
        }

        @Override
        public boolean isAdmin() {
            return admin;
        }

        @Override
        public boolean hasRole(String role) {
            return admin ? "ADMIN".equals(role) : "OFFICER".equals(role);
        }
    }

    static AgencyEntity agency(String id) {
        AgencyEntity entity = new AgencyEntity(id);
        entity.replace("示例局 " + id, "Bureau " + id, AgencyCategory.MARKET, "示例市", "某某", "地址", "", "0999-1", "a@b.cn",
                null, "9-17", "", true, List.of(new PowerValue("检查", PowerKind.INSPECTION)), List.of("《中华人民共和国行政处罚法》第十七条"),
                List.of(new OfficerValue("张晓丰", "SJ-990100-2024-0001", OfficerStatus.VALID)), "f", "h", Instant.EPOCH);
        return entity;
    }

    private final AgencyRepository repository = mock(AgencyRepository.class);

    @Test
    void an_officer_sees_their_own_agency_with_full_names() {
        when(repository.findById("agency-a")).thenReturn(Optional.of(agency("agency-a")));
        AgencyStaffService service = new AgencyStaffService(repository, new FakeUser("agency-a", false), null);
        assertThat(service.ownAgency()).hasValueSatisfying(d ->
                assertThat(d.officers()).extracting(Officer::name).containsExactly("张晓丰"));
        assertThat(service.agency("agency-a")).isPresent();
    }

    @Test
    void an_officer_of_agency_a_cannot_get_agency_b_and_nothing_is_read() {
        AgencyStaffService service = new AgencyStaffService(repository, new FakeUser("agency-a", false), null);
        assertThatThrownBy(() -> service.agency("agency-b")).isInstanceOf(AccessDeniedException.class);
        verify(repository, never()).findById(any());
    }

    @Test
    void an_administrator_gets_any_agency_but_has_no_own_agency() {
        when(repository.findById("agency-b")).thenReturn(Optional.of(agency("agency-b")));
        AgencyStaffService service = new AgencyStaffService(repository, new FakeUser(null, true), null);
        assertThat(service.agency("agency-b")).isPresent();
        assertThat(service.ownAgency()).isEmpty();
    }

    @Test
    void the_public_directory_masks_officer_names() {
        AgencyDetails details = AgencyDirectory.details(agency("agency-a"), true);
        assertThat(details.officers()).extracting(Officer::name).containsExactly("张*丰");
    }
}
