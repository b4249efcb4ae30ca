package cn.gov.enforcement.portal.agency;

import cn.gov.enforcement.portal.account.AgencyCatalog;
import java.util.List;
import org.springframework.stereotype.Component;

/** Tells the account module which agencies staff accounts can be bound to. */
@Component
class AgencyAccountCatalog implements AgencyCatalog {

    private final AgencyDirectory directory;

    AgencyAccountCatalog(AgencyDirectory directory) {
        this.directory = directory;
    }

    @Override
    public boolean exists(String agencyId) {
        return agencyId != null && directory.find(agencyId).isPresent();
    }

    @Override
    public List<AgencyRef> all() {
        return directory.all().stream().map(a -> new AgencyRef(a.id(), a.name(), a.nameEn())).toList();
    }
}
