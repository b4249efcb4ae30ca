package cn.gov.enforcement.portal.agency.data;

import cn.gov.enforcement.portal.agency.AgencyCategory;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One agency as stored; the system of record for the {@code agencies} index. The powers, legal basis and officers
 * come with the agency; when a query reads many agencies, each of the three is read in one more query for all of them
 * (not one per agency). Lists and search results read summaries without them (see {@link AgencyRepository}).
 */
@Entity
@Table(name = "agency")
public class AgencyEntity {

    @Id
    @Column(length = 80)
    private String id;

    @Column(nullable = false, length = 400)
    private String name;

    @Column(name = "name_en", nullable = false, length = 600)
    private String nameEn;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private AgencyCategory category;

    @Column(nullable = false, length = 200)
    private String region;

    @Column(name = "legal_representative", nullable = false, length = 200)
    private String legalRepresentative;

    @Column(nullable = false, length = 1000)
    private String address;

    /** The address in English; empty when the agency file gives none. */
    @Column(name = "address_en", nullable = false, length = 2000)
    private String addressEn;

    @Column(name = "supervision_phone", nullable = false, length = 30)
    private String supervisionPhone;

    @Column(name = "supervision_email", nullable = false, length = 254)
    private String supervisionEmail;

    @Column(name = "mediation_email", length = 254)
    private String mediationEmail;

    @Column(name = "office_hours", nullable = false, length = 1000)
    private String officeHours;

    /** The office hours in English; empty when the agency file gives none. */
    @Column(name = "office_hours_en", nullable = false, length = 2000)
    private String officeHoursEn;

    @Column(nullable = false)
    private boolean sample;

    @Column(name = "source_file", nullable = false, length = 300)
    private String sourceFile;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "agency_power", joinColumns = @JoinColumn(name = "agency_id"))
    @OrderColumn(name = "sort_order")
    private List<PowerValue> powers = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "agency_legal_basis", joinColumns = @JoinColumn(name = "agency_id"))
    @OrderColumn(name = "sort_order")
    @Column(name = "reference", nullable = false, length = 1000)
    private List<String> legalBasis = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "agency_officer", joinColumns = @JoinColumn(name = "agency_id"))
    @OrderColumn(name = "sort_order")
    private List<OfficerValue> officers = new ArrayList<>();

    protected AgencyEntity() {}

    public AgencyEntity(String id) {
        this.id = id;
    }

    /**
     * Replaces every field. Collections are replaced by new instances so that the database rows are
     * deleted and re-inserted (no row-by-row updates that could clash on the unique certificate).
     */
    public void replace(String name, String nameEn, AgencyCategory category, String region, String legalRepresentative,
            String address, String addressEn, String supervisionPhone, String supervisionEmail, String mediationEmail,
            String officeHours, String officeHoursEn, boolean sample,
            List<PowerValue> powers, List<String> legalBasis, List<OfficerValue> officers, String sourceFile,
            String contentHash, Instant updatedAt) {
        this.name = name;
        this.nameEn = nameEn;
        this.category = category;
        this.region = region;
        this.legalRepresentative = legalRepresentative;
        this.address = address;
        this.addressEn = addressEn;
        this.supervisionPhone = supervisionPhone;
        this.supervisionEmail = supervisionEmail;
        this.mediationEmail = mediationEmail;
        this.officeHours = officeHours;
        this.officeHoursEn = officeHoursEn;
        this.sample = sample;
        this.powers = new ArrayList<>(powers);
        this.legalBasis = new ArrayList<>(legalBasis);
        this.officers = new ArrayList<>(officers);
        this.sourceFile = sourceFile;
        this.contentHash = contentHash;
        this.updatedAt = updatedAt;
    }

    public String getId() { return id; }
    public String getName() { return name; }
    public String getNameEn() { return nameEn; }
    public AgencyCategory getCategory() { return category; }
    public String getRegion() { return region; }
    public String getLegalRepresentative() { return legalRepresentative; }
    public String getAddress() { return address; }
    public String getAddressEn() { return addressEn; }
    public String getSupervisionPhone() { return supervisionPhone; }
    public String getSupervisionEmail() { return supervisionEmail; }
    public String getMediationEmail() { return mediationEmail; }
    public String getOfficeHours() { return officeHours; }
    public String getOfficeHoursEn() { return officeHoursEn; }
    public boolean isSample() { return sample; }
    public String getSourceFile() { return sourceFile; }
    public String getContentHash() { return contentHash; }
    public Instant getUpdatedAt() { return updatedAt; }
    public List<PowerValue> getPowers() { return powers; }
    public List<String> getLegalBasis() { return legalBasis; }
    public List<OfficerValue> getOfficers() { return officers; }
}
