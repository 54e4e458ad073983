package io.careflow;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * careflow's packages form no cycle, so each can be read, changed and tested standing on the
 * ones below it: {@code system} and the shared case types ({@code casefile}, {@code calendar})
 * at the bottom, the features in between, the pages that show everything ({@code cases},
 * {@code demo}) on top. Checked on the compiled classes, tests left out. No allow-list: a new
 * arrow that closes a cycle fails the build with the classes that draw it.
 */
@AnalyzeClasses(packages = "io.careflow",
    importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class PackageStructureTest {

  /** Between features: a package counts with its subpackages ({@code protocol.*} is one feature). */
  @ArchTest
  static final ArchRule featuresFormNoCycle = slices().matching("io.careflow.(*)..").namingSlices("$1")
      .should().beFreeOfCycles();

  /** Between every package, subpackages on their own: a feature and its subpackage form none either. */
  @ArchTest
  static final ArchRule packagesFormNoCycle = slices().matching("io.careflow.(**)").namingSlices("$1")
      .should().beFreeOfCycles();

  /** What every feature stands on stands on no feature. */
  @ArchTest
  static final ArchRule systemDependsOnNoFeature = classes().that().resideInAPackage("io.careflow.system..")
      .should().onlyDependOnClassesThat(resideInAPackage("io.careflow.system..")
          .or(resideOutsideOfPackage("io.careflow..")));
}
