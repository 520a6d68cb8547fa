using SocialPrescribing.Abstractions.Plugins;

namespace SocialPrescribing.Abstractions.Training;

/// <summary>Marks a class as an <see cref="ITrainingModule"/> and gives its catalogue id.</summary>
/// <param name="id">The module's <see cref="ITrainingModule.Id"/>, for example <c>motivational-interviewing-101</c>.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TrainingModuleAttribute(string id) : PluginComponentAttribute(id)
{
    /// <inheritdoc />
    public override string Kind => PluginKinds.TrainingModule;
}
