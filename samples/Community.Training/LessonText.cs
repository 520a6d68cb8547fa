using SocialPrescribing.Abstractions.Training;

namespace Community.Training;

/// <summary>Lessons whose Markdown is compiled into the assembly from <c>Lessons/</c>.</summary>
internal static class LessonText
{
    /// <summary>The lesson whose content is the file <c>Lessons/&lt;id&gt;.md</c>.</summary>
    /// <exception cref="InvalidOperationException">The file was not compiled in; the host then quarantines the plugin.</exception>
    public static Lesson Load(string id, string title, int minutes) => new()
    {
        Id = id,
        Title = title,
        Content = Read(id),
        EstimatedMinutes = minutes,
    };

    private static string Read(string id)
    {
        var name = $"lessons/{id}.md";
        using var stream = typeof(LessonText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The lesson text '{name}' is not in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
