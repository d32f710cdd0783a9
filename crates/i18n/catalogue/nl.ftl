# De Nederlandse catalogus van grondslag: elke zin die een gebruiker leest.
# Eén bericht per id; en.ftl heeft dezelfde ids met dezelfde argumenten (een test bewaakt dat).
# Een foutmelding zegt wat er mis is, waar, en wat de gebruiker nu kan doen. Nooit inhoud of
# persoonsgegevens: alleen nummers, paden die de gebruiker zelf opgaf en toestanden.

## Algemeen
error-prefix = grondslag: fout

## Fouten van de opslag
error-database = databasefout bij { $context }: { $detail }
error-io = lees- of schrijffout bij { $path }: { $detail }
error-no-such-document = document { $id } bestaat niet
error-document-destroyed = document { $id } is vernietigd in vernietigingsronde { $run }
error-key-erased = de sleutel van document { $id } is gewist door vernietigingsronde { $run } (KEK-generatie { $generation }): deze gegevens zijn ouder dan die ronde en blijven onleesbaar
error-key-missing = de sleutel van document { $id } kan niet worden uitgepakt: KEK-generatie { $generation } staat niet in keys/; zet de sleutelmap terug uit uw sleutelbewaring
error-no-text = document { $id } heeft geen tekst (het was onleesbaar)
error-not-active = document { $id } is { $status }, niet actief
error-no-such-subject = betrokkene { $id } bestaat niet
error-no-such-hold = blokkade { $id } bestaat niet
error-hold-lifted = blokkade { $id } is al opgeheven
error-no-such-run = vernietigingsronde { $id } bestaat niet
error-same-approver = vernietigingsronde { $run } is al goedgekeurd door deze gebruiker; de tweede goedkeuring moet van iemand anders komen
error-not-approved = vernietigingsronde { $run } heeft { $approvals } goedkeuring(en) van verschillende gebruikers; uitvoeren vraagt er twee
error-run-state = vernietigingsronde { $run } is { $state }; { $action } kan niet
error-redact-failed = het lakken van document { $id } is mislukt
error-no-legal-basis = verwerking '{ $processing }' heeft geen grondslag: persoonsgegevens opslaan voor deze verwerking wordt geweigerd
error-no-such-processing = verwerking '{ $processing }' staat niet in het verwerkingsregister
error-bad-backup = het back-upbestand is ongeldig: { $detail }; kies een bestand dat `grondslag backup` maakte
error-wrong-store = de back-up hoort bij opslag { $backup }, niet bij deze opslag ({ $this })
error-corrupt = opgeslagen gegevens zijn inconsistent: { $detail }
error-invalid = ongeldige invoer: { $detail }

## Fouten van de kluis
error-vault-io = leesfout of schrijffout in de kluis bij { $path }: { $detail }
error-vault-random = de willekeurige-getallengenerator van het systeem werkt niet
error-vault-kek-gone = KEK-generatie { $generation } staat niet in keys/ (gewist of nooit aangemaakt)
error-vault-bad-key-file = sleutelbestand { $path } is beschadigd; zet het terug uit uw sleutelbewaring
error-vault-unwrap = een verpakte sleutel onder KEK-generatie { $generation } is niet echt; zijn de sleutels van een andere opslag?
error-vault-blob-missing = blob { $id } ontbreekt in de kluis; zet een back-up terug
error-vault-blob-damaged = blob { $id } is beschadigd of niet te ontsleutelen; zet een back-up terug
error-vault-seal-damaged = een versleuteld veld ({ $context }) is beschadigd of niet te ontsleutelen
error-vault-bad-blob-id = ongeldige blob-id

## Scan: wat niet (gewoon) te lezen is, en interne fouten
error-internal = interne fout in { $location }; de melding zelf wordt niet getoond omdat die documenttekst kan bevatten
scan-internal-error = interne fout bij het lezen; het document is overgeslagen
scan-not-regular-fifo = geen gewoon bestand maar een FIFO (benoemde pijp); niet geopend
scan-not-regular-socket = geen gewoon bestand maar een socket; niet geopend
scan-not-regular-device = geen gewoon bestand maar een apparaatbestand; niet geopend
scan-not-regular = geen gewoon bestand; niet geopend
scan-link-outside = symbolische koppeling naar buiten de gescande mappen; niet gevolgd
scan-link-loop = symbolische koppeling in een kring; niet gevolgd
scan-link-dangling = symbolische koppeling naar iets dat niet bestaat
scan-link-not-regular = symbolische koppeling naar iets dat geen gewoon bestand is; niet gevolgd
scan-link-unreadable = symbolische koppeling die niet te volgen is: { $detail }
scan-links-to-folders = { $count } symbolische koppeling(en) naar mappen binnen de scan niet gevolgd; hun inhoud is op de eigen plaats gelezen
scan-invalid-utf8 = geen geldige UTF-8 op byte { $offset } (een groot tekstbestand wordt als UTF-8 gelezen, zoals `extract` doet)
scan-binary = geen tekstbestand: binaire inhoud op byte { $offset }
scan-not-read = niet gelezen: { $path }: { $reason }
scan-seal-failed = { $path } kon niet versleuteld in de kluis worden gezet: { $detail }
scan-stored = { $documents } documenten opgeslagen; nu de betrokkenen bepalen
