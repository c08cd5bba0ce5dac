package io.sinter.core.internal.store;

import io.sinter.core.api.IModelInfo;
import io.sinter.core.api.IModelService;
import io.sinter.core.api.Page;
import io.sinter.core.api.ServiceException;
import io.sinter.core.internal.persistence.Database;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.regex.Pattern;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** iModels in the database (api.md section 3). */
@Component(service = IModelService.class)
public final class IModelStore implements IModelService {
    private static final Pattern CRS = Pattern.compile("EPSG:[1-9][0-9]{3,5}");
    private final Database database;

    @Activate
    public IModelStore(@Reference Database database) {
        this.database = database;
    }

    @Override
    public IModelInfo create(String iTwinId, Changes values) {
        if (iTwinId == null || iTwinId.isBlank()) {
            throw ServiceException.invalid(INVALID, "MissingRequiredProperty", "'iTwinId' is required.", "iTwinId");
        }
        String name = Names.name(values.name(), "name", INVALID, false);
        Names.description(values.description(), INVALID);
        checkExtent(values.extent());
        checkCrs(values.horizontalCrsId());
        long now = System.currentTimeMillis();
        return database.inTransaction(em -> {
            if (em.find(ITwinEntity.class, iTwinId) == null) {
                throw ServiceException.invalid(INVALID, "InvalidValue", "iTwin '" + iTwinId + "' does not exist.", "iTwinId");
            }
            requireFreeName(em, iTwinId, name, null);
            IModelEntity model = new IModelEntity(Ids.uuid(), iTwinId, now);
            model.setName(name, Names.key(name));
            model.setDescription(values.description());
            IModelInfo.Extent e = values.extent();
            if (e != null) {
                model.setExtent(e.south(), e.west(), e.north(), e.east());
            }
            model.setCrsId(values.horizontalCrsId());
            em.persist(model);
            return info(model);
        });
    }

    private static void requireFreeName(EntityManager em, String iTwinId, String name, String exceptId) {
        boolean taken = em.createNamedQuery("IModel.byName", IModelEntity.class).setParameter("itwin", iTwinId)
                .setParameter("key", Names.key(name)).getResultStream().anyMatch(m -> !m.getId().equals(exceptId));
        if (taken) {
            throw ServiceException.conflict("iModelExists", "An iModel named '" + name + "' already exists in this iTwin.");
        }
    }

    static void checkExtent(IModelInfo.Extent e) {
        if (e == null) {
            return;
        }
        checkLatitude(e.south(), "extent.southWest.latitude");
        checkLatitude(e.north(), "extent.northEast.latitude");
        checkLongitude(e.west(), "extent.southWest.longitude");
        checkLongitude(e.east(), "extent.northEast.longitude");
        if (e.south() > e.north()) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "The extent's south latitude is north of its north latitude.", "extent");
        }
    }

    private static void checkLatitude(double value, String target) {
        if (!(value >= -90 && value <= 90)) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'" + target + "' must be between -90 and 90.", target);
        }
    }

    private static void checkLongitude(double value, String target) {
        if (!(value >= -180 && value <= 180)) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'" + target + "' must be between -180 and 180.", target);
        }
    }

    static void checkCrs(String crs) {
        if (crs != null && !CRS.matcher(crs).matches()) {
            throw ServiceException.invalid(INVALID, "InvalidValue", "'" + crs + "' is not an EPSG code like EPSG:25832.",
                    "geographicCoordinateSystem.horizontalCRSId");
        }
    }

    @Override
    public IModelInfo get(String id) {
        return database.inTransaction(em -> info(find(em, id)));
    }

    static IModelEntity find(EntityManager em, String id) {
        IModelEntity model = id == null ? null : em.find(IModelEntity.class, id);
        if (model == null) {
            throw ServiceException.notFound("iModelNotFound", "iModel '" + id + "' does not exist.");
        }
        return model;
    }

    @Override
    public Page<IModelInfo> list(String iTwinId, String name, String orderBy, boolean descending, int skip, int top) {
        if (iTwinId == null || iTwinId.isBlank()) {
            throw ServiceException.invalid(INVALID, "MissingRequiredProperty", "Query parameter 'iTwinId' is required.", "iTwinId");
        }
        String column = "name".equals(orderBy) ? "m.nameKey" : "m.createdAt";
        String direction = descending ? " DESC" : " ASC";
        String jpql = "SELECT m FROM IModelEntity m WHERE m.iTwinId = :itwin" + (name == null ? "" : " AND m.name = :name")
                + " ORDER BY " + column + direction + ", m.id" + direction;
        return database.inTransaction(em -> {
            var query = em.createQuery(jpql, IModelEntity.class).setParameter("itwin", iTwinId);
            if (name != null) {
                query.setParameter("name", name);
            }
            return Page.of(query.setFirstResult(skip).setMaxResults(top + 1).getResultStream().map(IModelStore::info).toList(), skip, top);
        });
    }

    @Override
    public IModelInfo update(String id, Changes changes) {
        if (changes.name() != null) {
            Names.name(changes.name(), "name", INVALID, false);
        }
        if (changes.descriptionSet()) {
            Names.description(changes.description(), INVALID);
        }
        if (changes.extentSet()) {
            checkExtent(changes.extent());
        }
        if (changes.crsSet()) {
            checkCrs(changes.horizontalCrsId());
        }
        return database.inTransaction(em -> {
            IModelEntity model = find(em, id);
            if (changes.name() != null) {
                requireFreeName(em, model.getITwinId(), changes.name(), model.getId());
                model.setName(changes.name(), Names.key(changes.name()));
            }
            if (changes.descriptionSet()) {
                model.setDescription(changes.description());
            }
            if (changes.extentSet()) {
                IModelInfo.Extent e = changes.extent();
                model.setExtent(e == null ? null : e.south(), e == null ? null : e.west(), e == null ? null : e.north(), e == null ? null : e.east());
            }
            if (changes.crsSet()) {
                model.setCrsId(changes.horizontalCrsId());
            }
            em.flush();
            return info(model);
        });
    }

    @Override
    public void delete(String id) {
        database.run(em -> {
            IModelEntity model = find(em, id);
            long active = em.createQuery("SELECT COUNT(r) FROM RunEntity r WHERE r.iModelId = :m AND r.state <> 'Completed'", Long.class)
                    .setParameter("m", id).getSingleResult();
            if (active > 0) {
                throw ServiceException.conflict("IModelAlreadyProcessingRequest", "A run of this iModel has not completed; delete it after the run.");
            }
            // everything the iModel owns goes with it, in the same transaction
            for (String entity : new String[] {"TaskEntity", "JobEntity"}) {
                em.createQuery("DELETE FROM " + entity + " x WHERE x.runId IN (SELECT r.id FROM RunEntity r WHERE r.iModelId = :m)")
                        .setParameter("m", id).executeUpdate();
            }
            if (model.getElementKey() != null) {
                em.createQuery("DELETE FROM VersionEndEntity x WHERE x.iModelKey = :k").setParameter("k", model.getElementKey()).executeUpdate();
                em.createQuery("DELETE FROM ElementVersionEntity x WHERE x.iModelKey = :k").setParameter("k", model.getElementKey()).executeUpdate();
            }
            for (String entity : new String[] {"ReportEntity", "RunEntity", "ChangesetEntity", "CategoryCountEntity", "SchemaPathEntity", "DocumentEntity",
                    "ConnectionEntity"}) {
                em.createQuery("DELETE FROM " + entity + " x WHERE x.iModelId = :m").setParameter("m", id).executeUpdate();
            }
            em.remove(model);
        });
    }

    static IModelInfo info(IModelEntity m) {
        IModelInfo.Extent extent = m.getExtentSouth() == null ? null
                : new IModelInfo.Extent(m.getExtentSouth(), m.getExtentWest(), m.getExtentNorth(), m.getExtentEast());
        return new IModelInfo(m.getId(), m.getITwinId(), m.getName(), m.getDescription(), Instant.ofEpochMilli(m.getCreatedAt()),
                extent, m.getCrsId());
    }
}
