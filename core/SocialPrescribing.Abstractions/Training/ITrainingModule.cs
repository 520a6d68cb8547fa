namespace SocialPrescribing.Abstractions.Training;

/// <summary>
/// A training module for link workers on the competency framework: the competencies it develops and to what
/// level, its lessons, and the knowledge check a link worker passes to complete it.
/// </summary>
/// <remarks>
/// Mark the class with <see cref="TrainingModuleAttribute"/> and register it as
/// <c>services.AddSingleton&lt;ITrainingModule, MyModule&gt;()</c>; a plugin may register several modules.
/// Implementations are immutable and thread-safe. Completing a module means passing its knowledge check
/// (<see cref="KnowledgeCheck.Score"/>); the host then credits the link worker with every
/// <see cref="Outcomes"/> entry.
/// </remarks>
public interface ITrainingModule
{
    /// <summary>The module's stable id, for example <c>motivational-interviewing-101</c>; matches its attribute.</summary>
    string Id { get; }

    /// <summary>The version of the module's content, for example <c>1.0</c>; kept with every result.</summary>
    string Version { get; }

    /// <summary>The title shown to link workers.</summary>
    string Title { get; }

    /// <summary>One or two sentences on what the module covers.</summary>
    string Summary { get; }

    /// <summary>The competencies a link worker who completes the module has shown, each at a proficiency level.</summary>
    IReadOnlyList<CompetencyOutcome> Outcomes { get; }

    /// <summary>The lessons, in the order they are taken.</summary>
    IReadOnlyList<Lesson> Lessons { get; }

    /// <summary>The questions that close the module and the mark needed to pass.</summary>
    KnowledgeCheck KnowledgeCheck { get; }
}
