namespace SocialPrescribing.Documents.Tests;

/// <summary>A template folder of the test's own, removed afterwards.</summary>
internal sealed class TemporaryTemplateFolder : IDisposable
{
    public TemporaryTemplateFolder() => System.IO.Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "sp-documents-" + Guid.NewGuid().ToString("N"));

    public TemporaryTemplateFolder With(string fileName, string content)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), content);
        return this;
    }

    /// <summary>Writes the same template in every supported language.</summary>
    public TemporaryTemplateFolder WithEveryLanguage(string template, string content)
    {
        foreach (var lang in DocumentLanguages.All)
        {
            With($"{template}.{lang}.html", content);
        }

        return this;
    }

    public void Dispose() => System.IO.Directory.Delete(Path, recursive: true);
}
