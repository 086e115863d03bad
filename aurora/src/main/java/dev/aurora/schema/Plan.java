package dev.aurora.schema;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * The validation plan of one class: its constrained members in declaration order (superclass
 * fields first), each with a getter prebuilt as a {@link MethodHandle} and its checks built once.
 * All reflection happens here, once per class; validating then only invokes handles.
 *
 * <p>Plans are cached per class in a {@link ClassValue}. A plan never builds the plans of its
 * members' types (they are looked up by runtime class while walking), so self-referencing types
 * cannot recurse here. Runs on any thread; immutable.
 */
final class Plan {
    private static final ClassValue<Plan> PLANS = new ClassValue<>() {
        @Override
        protected Plan computeValue(Class<?> type) {
            return build(type);
        }
    };

    private final Member[] members;
    private final boolean validatable;

    private Plan(Member[] members, boolean validatable) {
        this.members = members;
        this.validatable = validatable;
    }

    /** The constrained members; shared, never modified. */
    Member[] members() {
        return members;
    }

    /** Whether the class checks itself too ({@link Validatable}). */
    boolean validatable() {
        return validatable;
    }

    /** Whether there is anything to check on an instance: constrained members or its own rules. */
    boolean checksSomething() {
        return members.length > 0 || validatable;
    }

    static Plan of(Class<?> type) {
        return PLANS.get(type);
    }

    private static Plan build(Class<?> type) {
        List<Member> members = new ArrayList<>();
        if (type.isRecord()) {
            for (RecordComponent rc : type.getRecordComponents()) {
                add(members, type, rc.getName(), rc.getType(), rc, rc.getAnnotatedType(), rc.getAccessor());
            }
        } else {
            for (Class<?> c : hierarchy(type)) {
                for (Field f : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(f.getModifiers()) && !f.isSynthetic()) {
                        add(members, type, f.getName(), f.getType(), f, f.getAnnotatedType(), f);
                    }
                }
            }
        }
        return new Plan(members.toArray(Member[]::new), Validatable.class.isAssignableFrom(type));
    }

    /** Superclasses first, stopping at the JDK. */
    private static List<Class<?>> hierarchy(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && !Types.jdk(c); c = c.getSuperclass()) {
            chain.addFirst(c);
        }
        return chain;
    }

    private static void add(List<Member> members, Class<?> owner, String name,
            Class<?> type, AnnotatedElement el, AnnotatedType annotatedType, AccessibleObject accessor) {
        String where = owner.getName() + "." + name;
        List<Check> checks = checks(where, type, el);
        ElementChecks elements = ElementChecks.of(where, annotatedType);
        RangeCheck range = null;
        for (Check c : checks) {
            if (c instanceof RangeCheck r) {
                range = r;
            }
        }
        if (type.isPrimitive()) {
            if (range == null) {
                return; // @Required alone always holds on a primitive
            }
            boolean integral = type != float.class && type != double.class;
            Class<?> to = integral ? long.class : double.class;
            MethodHandle getter = getter(where, owner, accessor, to);
            members.add(integral
                    ? new Member.LongMember(name, getter, range)
                    : new Member.DoubleMember(name, getter, range));
            return;
        }
        boolean descend = Types.mayDescend(type);
        if (checks.isEmpty() && !descend && elements == null) {
            return;
        }
        members.add(new Member.RefMember(name, getter(where, owner, accessor, Object.class),
                checks.toArray(Check[]::new), elements, descend));
    }

    /** The checks of a member (or of a type argument), rejecting any annotation that cannot apply to its type. */
    static List<Check> checks(String where, Class<?> type, AnnotatedElement el) {
        List<Check> checks = new ArrayList<>();
        Required required = el.getAnnotation(Required.class);
        if (required != null) {
            checks.add(new RequiredCheck(required.allowBlank()));
        }
        Range range = el.getAnnotation(Range.class);
        if (range != null) {
            if (!Types.number(type)) {
                throw misuse(range, where, "needs a number type, not " + type.getTypeName());
            }
            if (range.min() > range.max()) {
                throw misuse(range, where, "min " + range.min() + " is greater than max " + range.max());
            }
            checks.add(new RangeCheck(range.min(), range.max()));
        }
        Length length = el.getAnnotation(Length.class);
        if (length != null) {
            if (!Types.sized(type)) {
                throw misuse(length, where,
                        "needs a CharSequence, Collection, Map or array, not " + type.getTypeName());
            }
            if (length.min() < 0) {
                throw misuse(length, where, "min " + length.min() + " is negative");
            }
            if (length.min() > length.max()) {
                throw misuse(length, where, "min " + length.min() + " is greater than max " + length.max());
            }
            checks.add(new LengthCheck(length.min(), length.max()));
        }
        Pattern pattern = el.getAnnotation(Pattern.class);
        if (pattern != null) {
            text(pattern, where, type);
            try {
                checks.add(new PatternCheck(java.util.regex.Pattern.compile(pattern.value())));
            } catch (PatternSyntaxException e) {
                throw misuse(pattern, where, "has a bad regex \"" + pattern.value() + "\": " + e.getDescription());
            }
        }
        Email email = el.getAnnotation(Email.class);
        if (email != null) {
            text(email, where, type);
            checks.add(EmailCheck.INSTANCE);
        }
        OneOf oneOf = el.getAnnotation(OneOf.class);
        if (oneOf != null) {
            text(oneOf, where, type);
            if (oneOf.value().length == 0) {
                throw misuse(oneOf, where, "needs at least one value");
            }
            try {
                checks.add(new OneOfCheck(oneOf.value()));
            } catch (IllegalArgumentException e) { // Set.of rejects duplicates
                throw misuse(oneOf, where, "has duplicate values");
            }
        }
        return checks;
    }

    private static void text(Annotation a, String where, Class<?> type) {
        if (!CharSequence.class.isAssignableFrom(type)) {
            throw misuse(a, where, "needs a CharSequence, not " + type.getTypeName());
        }
    }

    private static IllegalArgumentException misuse(Annotation a, String where, String problem) {
        return new IllegalArgumentException(
                "@" + a.annotationType().getSimpleName() + " on " + where + " " + problem);
    }

    /** A getter typed {@code (Object)to}, reached with the owner's private access if we have it. */
    private static MethodHandle getter(String where, Class<?> owner, AccessibleObject accessor, Class<?> to) {
        MethodHandle h;
        try {
            MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(owner, MethodHandles.lookup());
            h = accessor instanceof Method m ? lookup.unreflect(m) : lookup.unreflectGetter((Field) accessor);
        } catch (IllegalAccessException | SecurityException e) {
            try {
                MethodHandles.Lookup pub = MethodHandles.publicLookup();
                h = accessor instanceof Method m ? pub.unreflect(m) : pub.unreflectGetter((Field) accessor);
            } catch (IllegalAccessException e2) {
                throw new IllegalArgumentException("cannot read " + where + ": open package "
                        + owner.getPackageName() + " to module dev.aurora", e2);
            }
        }
        return h.asType(MethodType.methodType(to, Object.class));
    }
}
