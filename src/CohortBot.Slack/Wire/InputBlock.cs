namespace CohortBot.Slack.Wire;

/// <summary>A modal input; block id and action id are the option name, so values and errors map straight back.</summary>
public sealed record InputBlock(string BlockId, bool Optional, TextObject Label, InputElement Element) : Block("input");
