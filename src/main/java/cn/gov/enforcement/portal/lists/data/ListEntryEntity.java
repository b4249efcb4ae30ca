package cn.gov.enforcement.portal.lists.data;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** One entry of one list as stored; {@link #getPayload()} is the entry as JSON. */
@Entity
@Table(name = "lists_entry")
public class ListEntryEntity {

    @Id
    @Column(length = 80)
    private String id;

    @Column(name = "list_kind", nullable = false, length = 20)
    private String listKind;

    @Column(nullable = false, length = 80)
    private String agency;

    @Column(length = 200)
    private String sector;

    @Column(length = 10)
    private String level;

    @Column(length = 20)
    private String kind;

    @Column(nullable = false, length = 2000)
    private String title;

    @Column(nullable = false)
    private boolean sample;

    @Column(name = "effective_from", nullable = false)
    private LocalDate effectiveFrom;

    @Column(name = "effective_to")
    private LocalDate effectiveTo;

    @Column(nullable = false, length = 200000)
    private String payload;

    @Column(name = "source_file", nullable = false, length = 300)
    private String sourceFile;

    @Column(name = "content_hash", nullable = false, length = 64)
    private String contentHash;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ListEntryEntity() {}

    public ListEntryEntity(String id) {
        this.id = id;
    }

    public void replace(String listKind, String agency, String sector, String level, String kind, String title,
            boolean sample, LocalDate effectiveFrom, LocalDate effectiveTo, String payload, String sourceFile,
            String contentHash, Instant updatedAt) {
        this.listKind = listKind;
        this.agency = agency;
        this.sector = sector;
        this.level = level;
        this.kind = kind;
        this.title = title;
        this.sample = sample;
        this.effectiveFrom = effectiveFrom;
        this.effectiveTo = effectiveTo;
        this.payload = payload;
        this.sourceFile = sourceFile;
        this.contentHash = contentHash;
        this.updatedAt = updatedAt;
    }

    public String getId() { return id; }
    public String getListKind() { return listKind; }
    public String getAgency() { return agency; }
    public String getSector() { return sector; }
    public String getLevel() { return level; }
    public String getKind() { return kind; }
    public String getTitle() { return title; }
    public boolean isSample() { return sample; }
    public LocalDate getEffectiveFrom() { return effectiveFrom; }
    public LocalDate getEffectiveTo() { return effectiveTo; }
    public String getPayload() { return payload; }
    public String getSourceFile() { return sourceFile; }
    public String getContentHash() { return contentHash; }
    public Instant getUpdatedAt() { return updatedAt; }
}
