package io.tandem.platform.listing;

import io.tandem.platform.problem.Problem;
import jakarta.json.bind.annotation.JsonbTransient;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Order;
import jakarta.persistence.criteria.ParameterExpression;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.metamodel.Attribute;
import jakarta.persistence.metamodel.EntityType;
import jakarta.persistence.metamodel.SingularAttribute;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One page of an entity type, sorted and searched the way a {@link ListQuery} asks, with the number of all the
 * items that match. What may be sorted and searched is read from the JPA metamodel: the entity's own basic
 * attributes that its JSON shows (never one a getter hides, such as a password hash), named as on the wire. The
 * query is built with the Criteria API from those attributes and bound parameters, so no text a client sends
 * ever becomes part of a query; a sort by anything else is a 400 naming {@code sort}.
 */
public final class Listing {

    private static final Map<Class<?>, Columns> COLUMNS = new ConcurrentHashMap<>();

    private Listing() {
    }

    /** A page of items and how many match in all. */
    public record Found<T>(List<T> items, long total) {
    }

    /**
     * The members of an entity type a list can use: sortable ones by wire name, the text ones a search looks in,
     * and the id that breaks ties, so equal sort values still come in one stable order across pages.
     */
    record Columns(SortedMap<String, SingularAttribute<?, ?>> sortable, List<String> text, String id) {
    }

    /**
     * The items of {@code type} whose attributes equal {@code scope} (names and values the code gives, e.g. a
     * project's zones) and that the query's search finds, in its order, from {@code offset}.
     */
    public static <T> Found<T> find(EntityManager em, Class<T> type, Map<String, Object> scope, ListQuery query,
                                    int offset, int limit) {
        Columns columns = columnsOf(em, type);
        CriteriaBuilder cb = em.getCriteriaBuilder();
        Optional<String> text = query.text();
        Optional<ListQuery.Sort> sort = query.sort();

        CriteriaQuery<T> select = cb.createQuery(type);
        Root<T> item = select.from(type);
        Filter filter = filter(cb, item, columns, scope, text.isPresent());
        select.select(item).where(filter.where()).orderBy(order(cb, item, columns, sort));
        TypedQuery<T> page = bind(em.createQuery(select), filter, scope, text);
        List<T> items = page.setFirstResult(offset).setMaxResults(limit).getResultList();

        CriteriaQuery<Long> count = cb.createQuery(Long.class);
        Root<T> counted = count.from(type);
        Filter countFilter = filter(cb, counted, columns, scope, text.isPresent());
        count.select(cb.count(counted)).where(countFilter.where());
        long total = bind(em.createQuery(count), countFilter, scope, text).getSingleResult();
        return new Found<>(items, total);
    }

    /** The order asked for (if any), then by id. */
    private static List<Order> order(CriteriaBuilder cb, Root<?> item, Columns columns, Optional<ListQuery.Sort> sort) {
        List<Order> order = new ArrayList<>();
        sort.ifPresent(by -> {
            SingularAttribute<?, ?> attribute = sortable(columns, by.member());
            // Text sorts case-insensitively, so MariaDB's and H2's collations put the items in the same order.
            Expression<?> key = attribute.getJavaType() == String.class ? cb.lower(item.<String>get(attribute.getName()))
                    : item.get(attribute.getName());
            order.add(by.descending() ? cb.desc(key) : cb.asc(key));
        });
        order.add(cb.asc(item.get(columns.id())));
        return order;
    }

    private static SingularAttribute<?, ?> sortable(Columns columns, String member) {
        SingularAttribute<?, ?> attribute = columns.sortable().get(member);
        if (attribute == null) {
            throw Problem.badRequest("sort must name one of the items' members, with a leading - to sort descending: "
                            + String.join(", ", columns.sortable().keySet()) + ".")
                    .field("sort").with("sortable", List.copyOf(columns.sortable().keySet())).toException();
        }
        return attribute;
    }

    /** The WHERE clause and the parameters it binds. */
    private record Filter(Predicate[] where, Map<String, ParameterExpression<Object>> scope,
                          ParameterExpression<String> text) {
    }

    private static Filter filter(CriteriaBuilder cb, Root<?> item, Columns columns, Map<String, Object> scope,
                                 boolean searching) {
        List<Predicate> where = new ArrayList<>();
        Map<String, ParameterExpression<Object>> scoped = new TreeMap<>();
        scope.keySet().forEach(attribute -> {
            if (columns.sortable().values().stream().noneMatch(a -> a.getName().equals(attribute))) {
                throw new IllegalArgumentException("No basic attribute " + attribute + " to scope a list by");
            }
            ParameterExpression<Object> value = cb.parameter(Object.class);
            scoped.put(attribute, value);
            where.add(cb.equal(item.get(attribute), value));
        });
        ParameterExpression<String> pattern = null;
        if (searching && !columns.text().isEmpty()) {
            pattern = cb.parameter(String.class);
            List<Predicate> anyText = new ArrayList<>();
            for (String attribute : columns.text()) {
                anyText.add(cb.like(cb.lower(item.<String>get(attribute)), pattern, ListQuery.ESCAPE));
            }
            where.add(cb.or(anyText.toArray(Predicate[]::new)));
        } else if (searching) {
            where.add(cb.disjunction());
        }
        return new Filter(where.toArray(Predicate[]::new), scoped, pattern);
    }

    private static <Q extends TypedQuery<?>> Q bind(Q query, Filter filter, Map<String, Object> scope, Optional<String> text) {
        filter.scope().forEach((attribute, parameter) -> query.setParameter(parameter, scope.get(attribute)));
        if (filter.text() != null) {
            query.setParameter(filter.text(), ListQuery.containing(text.orElseThrow()));
        }
        return query;
    }

    private static Columns columnsOf(EntityManager em, Class<?> type) {
        return COLUMNS.computeIfAbsent(type, t -> read(em.getMetamodel().entity(t)));
    }

    private static Columns read(EntityType<?> entity) {
        SortedMap<String, SingularAttribute<?, ?>> sortable = new TreeMap<>();
        List<String> text = new ArrayList<>();
        for (SingularAttribute<?, ?> attribute : entity.getSingularAttributes()) {
            if (attribute.getPersistentAttributeType() != Attribute.PersistentAttributeType.BASIC
                    || !shownInJson(entity.getJavaType(), attribute.getJavaMember(), attribute.getName())) {
                continue;
            }
            sortable.put(snakeCase(attribute.getName()), attribute);
            if (attribute.getJavaType() == String.class) {
                text.add(attribute.getName());
            }
        }
        text.sort(null);
        String id = entity.getId(entity.getIdType().getJavaType()).getName();
        return new Columns(sortable, List.copyOf(text), id);
    }

    /**
     * Whether JSON-B writes the attribute: it has a public getter and neither it nor the field is
     * {@code @JsonbTransient}. Sorting or searching by anything else would let a client probe a hidden value.
     */
    private static boolean shownInJson(Class<?> owner, Member member, String name) {
        String capitalized = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        for (String getter : List.of("get" + capitalized, "is" + capitalized)) {
            try {
                Method method = owner.getMethod(getter);
                return Modifier.isPublic(method.getModifiers()) && !method.isAnnotationPresent(JsonbTransient.class)
                        && !(member instanceof AnnotatedElement field && field.isAnnotationPresent(JsonbTransient.class));
            } catch (NoSuchMethodException notThisOne) {
                // try the other form
            }
        }
        return false;
    }

    /** JSON-B's naming, as the API writes members: {@code lastModifiedAt} → {@code last_modified_at}. */
    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }
}
