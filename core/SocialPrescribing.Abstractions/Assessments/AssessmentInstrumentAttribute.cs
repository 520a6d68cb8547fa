using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Abstractions.Assessments;

/// <summary>
/// Catalogue metadata on a type that implements <see cref="IAssessmentInstrument"/>, so a host can list
/// the instruments a plugin offers from its types alone.
/// </summary>
/// <param name="id">The instrument's <see cref="IAssessmentInstrument.Id"/>, for example <c>phq9</c>.</param>
/// <param name="version">The instrument's <see cref="IAssessmentInstrument.Version"/>.</param>
/// <param name="title">The instrument's <see cref="IAssessmentInstrument.Title"/>.</param>
/// <remarks>The values must agree with the ones the instrument itself reports.</remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AssessmentInstrumentAttribute(string id, string version, string title) : PluginComponentAttribute(id)
{
    /// <summary>The version of the instrument's scoring rules, for example <c>1.0</c>.</summary>
    public string Version { get; } = version;

    /// <summary>The name shown to people.</summary>
    public string Title { get; } = title;

    /// <inheritdoc />
    public override string Kind => PluginKinds.AssessmentInstrument;
}
