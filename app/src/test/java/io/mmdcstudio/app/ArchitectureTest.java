package io.mmdcstudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.properties.HasModifiers;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.EvaluationResult;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.mmdcstudio.app.fixture.LeakyEngineApi;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Holds the module boundaries of {@code /ARCHITECTURE.md} ("ArchUnit tests hold these lines").
 *
 * <p>It lives in {@code app} because only app's test class path sees all four modules. It imports production
 * classes only: the compiled main classes of gmm, engine, views and app as they sit on this class path (jars in a
 * reactor {@code verify}, installed jars with {@code -pl app}, {@code target/classes} dirs in an IDE).
 *
 * <p>Empty modules: maven-compiler-plugin writes a {@code package-info.class} for every {@code package-info.java}
 * (its {@code createMissingPackageInfoClass} default), so each module contributes at least that class and no rule
 * is ever evaluated on an empty set. While a module holds nothing else its rules hold trivially; they bite as
 * soon as code lands. {@link #everyModuleIsOnTheClassPathAndNoTestCodeIsImported} makes sure a module can't
 * silently drop out of the import (which would make its rules vacuous), and
 * {@link #publicSignatureRuleCatchesDjlLeaksInAFixture} proves the custom rule can fail at all.
 */
class ArchitectureTest {

    private static final String ROOT = "io.mmdcstudio";
    private static final String GMM = ROOT + ".gmm..";
    private static final String ENGINE = ROOT + ".engine..";
    private static final String VIEWS = ROOT + ".views..";
    private static final String APP = ROOT + ".app..";

    private static final List<String> MODULES = List.of("gmm", "engine", "views", "app");

    private static final String DJL = "ai.djl..";
    private static final String JAVAFX = "javafx..";
    private static final String JACKSON = "com.fasterxml.jackson..";

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    // ------------------------------------------------------------------ the import itself

    @Test
    void everyModuleIsOnTheClassPathAndNoTestCodeIsImported() {
        for (String module : MODULES) {
            assertTrue(production.stream().anyMatch(c -> inModule(c, module)),
                    "no class of " + ROOT + "." + module + " was imported: the rules for module '" + module
                            + "' would pass vacuously. Is it still a dependency of app, with a package-info.java?");
        }
        assertFalse(production.contain(ArchitectureTest.class), "test classes must not be imported");
        assertFalse(production.contain(LeakyEngineApi.class), "test fixtures must not be imported");

        Set<String> withoutCode = new TreeSet<>();
        for (String module : MODULES) {
            if (production.stream().filter(c -> inModule(c, module))
                    .allMatch(c -> c.getSimpleName().equals("package-info"))) {
                withoutCode.add(module);
            }
        }
        if (!withoutCode.isEmpty()) {
            // Worth a line in the test output: these modules' rules hold trivially for now.
            System.out.println("ArchitectureTest: no code yet in " + withoutCode + " (only package-info)");
        }
    }

    private static boolean inModule(JavaClass c, String module) {
        String pkg = ROOT + "." + module;
        return c.getPackageName().equals(pkg) || c.getPackageName().startsWith(pkg + ".");
    }

    // ------------------------------------------------------------------ module boundaries

    @Test
    void gmmIsPureJava() {
        noClasses().that().resideInAPackage(GMM)
                .should().dependOnClassesThat().resideInAnyPackage(ENGINE, VIEWS, APP, DJL, JAVAFX, JACKSON)
                .because("gmm is plain Java on arrays and records (Commons Math3 at most), usable and testable "
                        + "without DJL, JavaFX or Jackson (ARCHITECTURE.md)")
                .check(production);
    }

    @Test
    void engineKnowsNoUserInterface() {
        noClasses().that().resideInAPackage(ENGINE)
                .should().dependOnClassesThat().resideInAnyPackage(VIEWS, APP, JAVAFX)
                .because("the engine runs headless from the command line as well as under the GUI "
                        + "(ARCHITECTURE.md)")
                .check(production);
    }

    @Test
    void viewsSeeNeitherDjlNorJacksonNorApp() {
        noClasses().that().resideInAPackage(VIEWS)
                .should().dependOnClassesThat().resideInAnyPackage(APP, DJL, JACKSON)
                .because("views use only engine's public API and records; DJL objects stay on the run thread and "
                        + "files are the engine's business (ARCHITECTURE.md)")
                .check(production);
    }

    @Test
    void modulesFormLayersGmmEngineViewsApp() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                // A class outside the four package roots would escape every rule here: make that a decision.
                .ensureAllClassesAreContainedInArchitecture()
                .layer("gmm").definedBy(GMM)
                .layer("engine").definedBy(ENGINE)
                .layer("views").definedBy(VIEWS)
                .layer("app").definedBy(APP)
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("views").mayOnlyBeAccessedByLayers("app")
                .whereLayer("engine").mayOnlyBeAccessedByLayers("views", "app")
                .whereLayer("gmm").mayOnlyBeAccessedByLayers("engine", "views", "app")
                .check(production);
    }

    @Test
    void noCyclesBetweenModules() {
        slices().matching(ROOT + ".(*)..")
                .should().beFreeOfCycles()
                .check(production);
    }

    @Test
    void engineExposesNoDjlTypeInItsPublicApi() {
        noDjlTypeInPublicSignatures(ENGINE)
                // An engine without public classes (package-info is not public) has no API to leak; that the
                // rule isn't vacuous is shown by the fixture self-check below plus the module-presence test.
                .allowEmptyShould(true)
                .check(production);
    }

    // ------------------------------------------------------------------ self-checks of the custom rule

    /**
     * The custom condition is our own code, so it gets a test of its own: run against a fixture that leaks DJL
     * types in every way the rule knows, it must report exactly those and none of the allowed uses.
     */
    @Test
    void publicSignatureRuleCatchesDjlLeaksInAFixture() {
        JavaClasses fixture = new ClassFileImporter().importClasses(
                LeakyEngineApi.class,
                LeakyEngineApi.LeakNested.class,
                nested(LeakyEngineApi.class, "OkPackagePrivateNested"),
                nested(LeakyEngineApi.class, "OkPrivateNested"));
        ArchRule rule = noDjlTypeInPublicSignatures(LeakyEngineApi.class.getPackageName() + "..");

        EvaluationResult result = rule.evaluate(fixture);
        assertTrue(result.hasViolation(), "the rule must fail on a class that exposes NDArray");
        List<String> details = result.getFailureReport().getDetails();
        String report = String.join("\n", details);

        Map<String, String> expected = Map.of(
                "LeakyEngineApi.leakField", "field type ai.djl.ndarray.NDArray",
                "LeakyEngineApi.<init>(ai.djl.ndarray.NDManager)", "parameter type ai.djl.ndarray.NDManager",
                "LeakyEngineApi.get()", "return type ai.djl.ndarray.NDArray",
                "LeakyEngineApi.leakArrayParameter(", "parameter type ai.djl.ndarray.NDArray",
                "LeakyEngineApi.leakTypeParameterBound(", "type parameter ai.djl.ndarray.NDArray",
                "LeakyEngineApi.leakThrowsClause(", "declared exception ai.djl.translate.TranslateException",
                "LeakyEngineApi.leakProtectedReturn()", "return type ai.djl.ndarray.NDList",
                "LeakyEngineApi$LeakNested.leakNestedReturn()", "return type ai.djl.ndarray.NDArray",
                "Class <io.mmdcstudio.app.fixture.LeakyEngineApi>", "supertype ai.djl.ndarray.NDArray");
        expected.forEach((member, what) -> assertTrue(
                details.stream().anyMatch(d -> d.contains(member) && d.contains(what)),
                "expected a violation for " + member + " (" + what + ") in:\n" + report));
        assertEquals(expected.size(), details.size(), "one line per leaking member, no more:\n" + report);
        assertFalse(report.contains(".ok") || report.contains("$Ok"),
                "non-public classes/members and DJL inside method bodies are allowed:\n" + report);

        // What a developer sees when the real rule fails: the member, the DJL type, where, and what to do.
        AssertionError error = assertThrows(AssertionError.class, () -> rule.check(fixture));
        assertTrue(error.getMessage().contains("ai.djl.ndarray.NDArray")
                        && error.getMessage().contains("(LeakyEngineApi.java:")
                        && error.getMessage().contains("ARCHITECTURE.md"),
                error.getMessage());
    }

    // ------------------------------------------------------------------ the custom rule

    /**
     * "No DJL type in a public signature" (ARCHITECTURE.md, engine row): the run owns every DJL object on its own
     * thread and only plain arrays and records leave it, so views and app never hold native memory or need DJL.
     *
     * <p>API = public classes (nested ones only inside public classes) and their public or protected members
     * (protected: reachable by subclassing). Checked: field types, parameter and return types, declared
     * exceptions, type parameters and their bounds, and the class's supertypes; generic arguments included
     * ({@code List<NDArray>} leaks NDArray). Not checked: method bodies, non-public classes and members,
     * compiler-generated bridge/synthetic members.
     */
    static ArchRule noDjlTypeInPublicSignatures(String packageIdentifier) {
        return classes().that().resideInAPackage(packageIdentifier).and(ARE_API)
                .should(exposeNoDjlType())
                .because("ARCHITECTURE.md: the engine keeps DJL objects on its run thread and hands out only plain "
                        + "arrays and records. Convert at the boundary (e.g. NDArray -> float[] or a record), or "
                        + "make the class or member package-private");
    }

    private static final DescribedPredicate<JavaClass> ARE_API =
            DescribedPredicate.describe("are part of the public API", ArchitectureTest::isApiClass);

    private static boolean isApiClass(JavaClass c) {
        if (c.isAnonymousClass() || c.isLocalClass() || !isApiModifier(c)) {
            return false;
        }
        return c.getEnclosingClass().map(ArchitectureTest::isApiClass).orElse(true);
    }

    private static boolean isApiModifier(HasModifiers element) {
        Set<JavaModifier> m = element.getModifiers();
        return (m.contains(JavaModifier.PUBLIC) || m.contains(JavaModifier.PROTECTED))
                && !m.contains(JavaModifier.SYNTHETIC) && !m.contains(JavaModifier.BRIDGE);
    }

    private static ArchCondition<JavaClass> exposeNoDjlType() {
        return new ArchCondition<>("expose no ai.djl type in a public signature") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                List<String> header = new ArrayList<>();
                List<JavaType> supertypes = new ArrayList<>(c.getInterfaces());
                c.getSuperclass().ifPresent(supertypes::add);
                collect(header, "supertype", supertypes);
                collect(header, "type parameter", c.getTypeParameters());
                // Class headers and fields carry no line number in class files: name the file only.
                String file = "(" + c.getSourceCodeLocation().getSourceFileName() + ")";
                report(events, c, c.getDescription(), header, file);

                for (JavaField f : c.getFields()) {
                    if (isApiModifier(f)) {
                        List<String> leaks = new ArrayList<>();
                        collect(leaks, "field type", List.of(f.getType()));
                        report(events, c, f.getDescription(), leaks, file);
                    }
                }
                List<JavaCodeUnit> codeUnits = new ArrayList<>(c.getConstructors());
                codeUnits.addAll(c.getMethods());
                for (JavaCodeUnit u : codeUnits) {
                    if (isApiModifier(u)) {
                        List<String> leaks = new ArrayList<>();
                        collect(leaks, "parameter type", u.getParameterTypes());
                        collect(leaks, "return type", List.of(u.getReturnType()));
                        collect(leaks, "declared exception", u.getThrowsClause().getTypes());
                        collect(leaks, "type parameter", u.getTypeParameters());
                        report(events, c, u.getDescription(), leaks, u.getSourceCodeLocation().toString());
                    }
                }
            }
        };
    }

    /** Adds "role ai.djl.X" for every DJL type involved in {@code types}: generic arguments, bounds, arrays. */
    private static void collect(List<String> leaks, String role, Collection<? extends JavaType> types) {
        types.stream()
                .flatMap(t -> t.getAllInvolvedRawTypes().stream())
                .map(JavaClass::getName)
                .filter(name -> name.startsWith("ai.djl."))
                .distinct()
                .sorted()
                .forEach(name -> leaks.add(role + " " + name));
    }

    /** One violation per class header or member, so the report reads as a to-do list. */
    private static void report(ConditionEvents events, JavaClass owner, String who, List<String> leaks,
            String location) {
        if (!leaks.isEmpty()) {
            events.add(SimpleConditionEvent.violated(owner,
                    who + " exposes DJL in the public API: " + String.join("; ", leaks) + " " + location));
        }
    }

    private static Class<?> nested(Class<?> outer, String simpleName) {
        for (Class<?> inner : outer.getDeclaredClasses()) {
            if (inner.getSimpleName().equals(simpleName)) {
                return inner;
            }
        }
        throw new IllegalArgumentException(outer + " has no nested class " + simpleName);
    }
}
