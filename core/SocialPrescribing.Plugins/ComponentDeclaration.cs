namespace SocialPrescribing.Plugins;

/// <summary>A component as a plugin registered it: its kind's contract, its class and its attribute's id.</summary>
internal sealed record ComponentDeclaration(string Kind, Type Contract, Type Type, string Id);
