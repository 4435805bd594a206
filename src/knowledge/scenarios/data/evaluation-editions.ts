/** Scenarios — Windows Server evaluation editions: conversion with DISM, what cannot be converted, expiry and rearm. */
import type { ScenarioInput } from '../schema.js';

export const EVALUATION: ScenarioInput[] = [
  {
    id: 'eval-conversion-unfinished',
    kind: 'eval',
    title: {
      en: 'The evaluation edition has not been converted yet',
      fr: 'L’édition d’évaluation n’a pas encore été convertie',
    },
    when: {
      // 0x80070032 (not supported): a non-evaluation key offered to an evaluation edition (catalogue, facts §1.2).
      codes: ['0xC004F069', '0x80070032'],
      alsoCodes: ['0xC004C003'],
      // Said to be converted already: the first thing to prove is that the conversion really finished.
      facts: { convertedFromEvaluation: true },
      // A key "blocked" (0xC004C003) right after a conversion is first this, before it is Microsoft's verdict.
      refines: ['key-blocked'],
      symptoms: {
        en: [
          'installed from the trial ISO and the volume key is refused',
          'slmgr dlv shows EVAL and ipk refuses our key',
          'make an evaluation a licensed server',
          'evaluation edition',
          'converted the evaluation but still eval',
          'ServerStandardEval',
          'ServerDatacenterEval',
          'key not accepted on the evaluation version',
          'convert evaluation to full version',
          'trial version of Windows Server',
          'the only Windows Server ISOs we could download were Evaluation editions',
          'setting the product key on a Windows Server evaluation copy fails',
        ],
        fr: [
          'installé depuis l’ISO d’évaluation et la clé en volume est refusée',
          'slmgr dlv affiche EVAL et ipk refuse notre clé',
          'édition d’évaluation',
          'conversion de l’évaluation mais toujours en éval',
          'clé refusée sur la version d’évaluation',
          'convertir l’évaluation en version complète',
          'version d’essai de Windows Server',
          'les seules ISO de Windows Server téléchargeables étaient des éditions d’évaluation',
          'la saisie de la clé de produit échoue sur une copie d’évaluation de Windows Server',
        ],
      },
    },
    cause: {
      en: 'The machine still runs {edition}. An evaluation edition does not accept retail, MAK or KMS keys through slmgr (0xC004F069): it must first be converted with DISM. An interrupted conversion (power loss, snapshot restored) leaves it in this state too.',
      fr: 'La machine tourne toujours sous {edition}. Une édition d’évaluation n’accepte pas de clé Retail, MAK ou KMS via slmgr (0xC004F069) : il faut d’abord la convertir avec DISM. Une conversion interrompue (coupure de courant, instantané restauré) laisse aussi la machine dans cet état.',
    },
    fix: [
      {
        en: 'Check the current edition.',
        fr: 'Vérifiez l’édition actuelle.',
        command: 'DISM /online /Get-CurrentEdition',
      },
      {
        en: 'List the editions it can become.',
        fr: 'Listez les éditions cibles possibles.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        en: 'Convert with a key for the target edition: the published KMS client key shown here serves a KMS host or ADBA; with a MAK or retail key, put yours in its place (this takes a while and asks to reboot).',
        fr: 'Convertissez avec une clé de l’édition cible : la clé client KMS publiée indiquée ici convient à un hôte KMS ou à l’ADBA ; avec une clé MAK ou Retail, mettez la vôtre à sa place (c’est long et un redémarrage est demandé).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:{gvlk} /AcceptEula',
      },
      {
        en: 'Reboot.',
        fr: 'Redémarrez.',
        command: 'shutdown /r /t 0',
      },
      {
        en: 'Activate.',
        fr: 'Activez.',
        command: 'slmgr /ato',
      },
      {
        en: 'If an earlier conversion was interrupted, start again from a fresh VM or the image taken before the conversion.',
        fr: 'Si une conversion précédente a été interrompue, repartez d’une VM neuve ou de l’image prise avant la conversion.',
      },
    ],
    escalate: false,
    source: [
      'seed 000',
      'activation-facts.md §5',
      'https://learn.microsoft.com/windows-server/get-started/upgrade-conversion-options',
    ],
  },
  {
    id: 'eval-dc-cannot-convert',
    kind: 'eval',
    title: {
      en: 'An evaluation domain controller cannot be converted',
      fr: 'Un contrôleur de domaine d’évaluation ne peut pas être converti',
    },
    when: {
      // DISM refuses the conversion on a domain controller; the rule proves it from isDomainController.
      alsoCodes: ['0x80070032'],
      symptoms: {
        en: [
          'evaluation domain controller conversion fails',
          'DISM set-edition on a domain controller',
          'cannot convert eval DC',
          'convert a domain controller installed from evaluation media',
        ],
        fr: [
          'la conversion d’un contrôleur de domaine d’évaluation échoue',
          'DISM set-edition sur un contrôleur de domaine',
          'impossible de convertir le DC d’évaluation',
          'convertir un contrôleur de domaine installé en évaluation',
        ],
      },
    },
    cause: {
      en: 'DISM refuses to convert a domain controller from evaluation to a licensed edition. The supported path is to move its roles to another DC and demote it.',
      fr: 'DISM refuse de convertir un contrôleur de domaine d’une édition d’évaluation vers une édition sous licence. La voie prise en charge consiste à transférer ses rôles à un autre contrôleur puis à le rétrograder.',
    },
    fix: [
      {
        en: 'Add a domain controller that runs a licensed (retail or volume) edition.',
        fr: 'Ajoutez un contrôleur de domaine sous une édition sous licence (Retail ou volume).',
      },
      {
        en: 'Move the FSMO roles to it.',
        fr: 'Transférez-lui les rôles FSMO.',
        command:
          'Move-ADDirectoryServerOperationMasterRole -Identity <new-dc> -OperationMasterRole 0,1,2,3,4',
      },
      {
        en: 'Demote the evaluation domain controller.',
        fr: 'Rétrogradez le contrôleur de domaine d’évaluation.',
        command: 'Uninstall-ADDSDomainController',
      },
      {
        en: 'Then convert it as a member server, or retire it.',
        fr: 'Convertissez-le ensuite comme serveur membre, ou retirez-le.',
        command: 'DISM /online /Get-TargetEditions',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §5',
      'https://learn.microsoft.com/windows-server/get-started/upgrade-conversion-options',
    ],
  },
  {
    id: 'eval-standard-core-datacenter-core',
    kind: 'eval',
    title: {
      en: 'Standard Core evaluation can only become Datacenter Core',
      fr: 'Une évaluation Standard Core ne peut devenir que Datacenter Core',
    },
    when: {
      codes: [],
      // DISM /Get-CurrentEdition naming the Standard Core evaluation is what separates it from any other unconverted evaluation.
      facts: { currentEdition: 'ServerStandardEvalCor' },
      refines: ['eval-conversion-unfinished'],
      symptoms: {
        en: [
          'Standard Core evaluation convert',
          'ServerStandardEvalCor',
          'Server Core Standard eval target list is only DatacenterCor',
          'Core evaluation only offers DatacenterCor',
        ],
        fr: [
          'conversion d’une évaluation Standard Core',
          'Server Core Standard en éval cible uniquement DatacenterCor',
          'l’évaluation Core ne propose que DatacenterCor',
        ],
      },
    },
    cause: {
      en: 'Since Windows Server 2016, a Server Core Standard evaluation (ServerStandardEvalCor) has a single conversion target: ServerDatacenterCor. A Standard key cannot be used, and a Core installation never becomes Desktop Experience.',
      fr: 'Depuis Windows Server 2016, une évaluation Standard en installation Core (ServerStandardEvalCor) n’a qu’une seule cible de conversion : ServerDatacenterCor. Une clé Standard ne convient pas, et une installation Core ne devient jamais Expérience de bureau.',
    },
    fix: [
      {
        en: 'Confirm the only target.',
        fr: 'Confirmez la seule cible proposée.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        en: 'Convert with a Datacenter key (the published KMS client key shown here, or your MAK or retail Datacenter key).',
        fr: 'Convertissez avec une clé Datacenter (la clé client KMS publiée indiquée ici, ou votre clé MAK ou Retail Datacenter).',
        command: 'DISM /online /Set-Edition:ServerDatacenterCor /ProductKey:{gvlk} /AcceptEula',
      },
      {
        en: 'If you are licensed for Standard only, reinstall from Standard media instead.',
        fr: 'Si vous n’avez qu’une licence Standard, réinstallez plutôt depuis un média Standard.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §5',
      'https://learn.microsoft.com/windows-server/get-started/upgrade-conversion-options',
    ],
  },
  {
    id: 'no-datacenter-to-standard',
    kind: 'eval',
    title: {
      en: 'Datacenter cannot be turned into Standard',
      fr: 'Datacenter ne peut pas redevenir Standard',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'downgrade Datacenter to Standard',
          'convert Datacenter to Standard',
          'Standard key on Datacenter',
          'Datacenter edition should have been Standard',
          'downgrade with DISM from Datacenter to Standard',
          'can DISM change Datacenter into Standard',
        ],
        fr: [
          'rétrograder Datacenter en Standard',
          'convertir Datacenter en Standard',
          'clé Standard sur Datacenter',
          'repasser de Datacenter à Standard',
          'l’édition Datacenter aurait dû être Standard',
          'rétrograder avec DISM de Datacenter vers Standard',
          'DISM peut-il changer Datacenter en Standard',
        ],
      },
    },
    cause: {
      en: 'The machine runs {edition} and the key is for {keyEdition}. Editions only go up: no command converts Datacenter to Standard, not even during an upgrade.',
      fr: 'La machine tourne sous {edition} et la clé est prévue pour {keyEdition}. Les éditions ne font que monter : aucune commande ne convertit Datacenter en Standard, pas même lors d’une mise à niveau.',
    },
    fix: [
      {
        en: 'Use a Datacenter key on this machine (the published KMS client key shown here, or your MAK or retail Datacenter key).',
        fr: 'Utilisez une clé Datacenter sur cette machine (la clé client KMS publiée indiquée ici, ou votre clé MAK ou Retail Datacenter).',
        command: 'slmgr /ipk {gvlk}',
      },
      {
        en: 'Activate.',
        fr: 'Activez.',
        command: 'slmgr /ato',
      },
      {
        en: 'If you are licensed for Standard only, reinstall from Standard media and move the workload.',
        fr: 'Si vous n’avez qu’une licence Standard, réinstallez depuis un média Standard et déplacez la charge.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §5',
      'https://learn.microsoft.com/windows-server/get-started/upgrade-conversion-options',
    ],
  },
  {
    id: 'eval-no-target-edition',
    kind: 'eval',
    title: {
      en: 'This evaluation edition has no conversion target',
      fr: 'Cette édition d’évaluation n’a aucune cible de conversion',
    },
    when: {
      codes: [],
      symptoms: {
        en: [
          'Get-TargetEditions shows nothing',
          'no target editions listed',
          'DISM lists no edition to convert to',
        ],
        fr: [
          'Get-TargetEditions n’affiche rien',
          'aucune édition cible',
          'DISM ne propose aucune édition cible',
        ],
      },
    },
    cause: {
      en: 'DISM reports that {edition} cannot be upgraded to any edition (seen on early Windows Server 2016 Core evaluation builds). Only a reinstall fixes it.',
      fr: 'DISM indique que {edition} ne peut être mise à niveau vers aucune édition (cas connu des premières versions d’évaluation Core de Windows Server 2016). Seule une réinstallation règle le problème.',
    },
    fix: [
      {
        en: 'Confirm that no target is listed.',
        fr: 'Confirmez qu’aucune cible n’est proposée.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        en: 'Reinstall from retail or volume media and move the roles and data over.',
        fr: 'Réinstallez depuis un média Retail ou en volume et transférez rôles et données.',
      },
    ],
    escalate: false,
    source: [
      'activation-facts.md §5',
      'https://learn.microsoft.com/windows-server/get-started/upgrade-conversion-options',
    ],
  },
  {
    id: 'dism-set-edition-failed',
    kind: 'eval',
    title: {
      en: 'DISM could not change the edition',
      fr: 'DISM n’a pas pu changer l’édition',
    },
    when: {
      codes: ['0x80070490'],
      symptoms: {
        en: [
          'DISM set-edition fails',
          'DISM error 1168',
          'DISM element not found during the edition change',
          'DISM edition change blocked by a pending reboot',
        ],
        fr: [
          'DISM set-edition échoue',
          'erreur DISM 1168',
          'DISM élément introuvable pendant le changement d’édition',
          'changement d’édition DISM bloqué par un redémarrage en attente',
        ],
      },
    },
    cause: {
      en: 'DISM /Set-Edition stopped with: "{message}". The change needs a target that DISM lists for this machine, a product key valid for that target edition, and an up-to-date system.',
      fr: 'DISM /Set-Edition s’est arrêté avec : « {message} ». Le changement exige une cible que DISM propose pour cette machine, une clé de produit valide pour l’édition cible et un système à jour.',
    },
    fix: [
      {
        en: 'List the editions this machine can become.',
        fr: 'Listez les éditions que cette machine peut devenir.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        en: 'Retry with a key for the target edition (the published KMS client key of that edition is accepted here; activate with your own key afterwards).',
        fr: 'Réessayez avec une clé de l’édition cible (la clé client KMS publiée de cette édition est acceptée ici ; activez ensuite avec votre propre clé).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:{gvlk} /AcceptEula',
      },
      {
        en: 'List the error lines of the DISM log to find the failing step.',
        fr: 'Affichez les lignes d’erreur du journal DISM pour trouver l’étape en échec.',
        command: 'findstr /i /c:"error" %windir%\\Logs\\DISM\\dism.log',
      },
      {
        en: 'Install the latest cumulative update, reboot and retry; if "Element not found" persists, reinstall from complete retail or volume media.',
        fr: 'Installez la dernière mise à jour cumulative, redémarrez et réessayez ; si « Élément introuvable » (Element not found) persiste, réinstallez depuis un média Retail ou en volume complet.',
        command: 'shutdown /r /t 0',
      },
    ],
    escalate: false,
    source: ['seed 000', 'activation-facts.md §5'],
  },
  {
    id: 'eval-expired-shutdown',
    kind: 'eval',
    title: {
      en: 'The evaluation has expired: the server shuts down every hour',
      fr: 'L’évaluation a expiré : le serveur s’arrête toutes les heures',
    },
    when: {
      codes: ['0xC004FC07'],
      refines: ['eval-conversion-unfinished'],
      symptoms: {
        en: [
          'server shuts down every hour',
          'the evaluation expired',
          'trial ended',
          'wlms.exe initiated the shutdown',
          'license period for this installation of Windows has expired',
          'Windows License is expired',
          'event 100 WLMS',
          'server turns itself off every hour',
          'evaluation period for this installation of Windows has expired',
          'this system will shut down in 1 hour',
          'VMs power off cleanly about an hour after boot',
          'VM unexpectedly shut down by WLMS',
          'old evaluation box says the license expired and the trial key is now blocked',
        ],
        fr: [
          'le serveur s’éteint toutes les heures',
          'l’évaluation a expiré',
          'la période d’essai est terminée',
          'wlms.exe a lancé l’arrêt',
          'la période de licence de cette installation de Windows a expiré',
          'le serveur s’arrête tout seul toutes les heures',
          'la VM s’éteint toute seule au bout d’une heure',
          'ce système va s’arrêter dans 1 heure',
          'box d’évaluation expirée dont la clé d’essai est bloquée',
        ],
      },
    },
    cause: {
      en: 'A Windows Server evaluation runs 180 days. After that the licensing monitor (wlms.exe) powers the server off every hour and only security updates install, until the edition is converted to a licensed one.',
      fr: 'Une évaluation de Windows Server dure 180 jours. Ensuite, le moniteur de licence (wlms.exe) éteint le serveur toutes les heures et seules les mises à jour de sécurité s’installent, jusqu’à la conversion vers une édition sous licence.',
    },
    fix: [
      {
        en: 'Right after boot (you have under an hour), check the edition and the targets.',
        fr: 'Juste après le démarrage (vous avez moins d’une heure), vérifiez l’édition et les cibles.',
        command: 'DISM /online /Get-TargetEditions',
      },
      {
        en: 'Convert to the licensed edition with your key (the server restarts twice).',
        fr: 'Convertissez vers l’édition sous licence avec votre clé (le serveur redémarre deux fois).',
        command: 'DISM /online /Set-Edition:{target} /ProductKey:{gvlk} /AcceptEula',
      },
      {
        en: 'If time runs out, rearm once to get a few days, reboot, then convert.',
        fr: 'Si le temps manque, réarmez une fois pour gagner quelques jours, redémarrez, puis convertissez.',
        command: 'slmgr /rearm',
      },
      { en: 'Activate after the conversion.', fr: 'Activez après la conversion.', command: 'slmgr /ato' },
    ],
    escalate: false,
    check: {
      command: 'slmgr /dlv',
      why: {
        en: 'Shows the evaluation channel, the status and the rearms left.',
        fr: 'Montre le canal d’évaluation, le statut et les réarmements restants.',
      },
      answeredBy: ['licenseStatus', 'channel'],
    },
    source: [
      'activation-facts-more.md §5',
      'https://learn.microsoft.com/windows-server/get-started/upgrade-conversion-options',
    ],
  },
  {
    id: 'eval-rearm',
    kind: 'eval',
    title: {
      en: 'Extending an evaluation with slmgr /rearm',
      fr: 'Prolonger une évaluation avec slmgr /rearm',
    },
    when: {
      codes: ['0xC004D307', '0xC004D302'],
      symptoms: {
        en: [
          'extend the evaluation period',
          'rearm the trial',
          'how many rearms are left',
          'remaining windows rearm count',
          'evaluation days remaining',
          'reset the evaluation timer',
          'evaluation clock running out soon how to prolong it',
          'slmgr rearm to extend the trial without reinstalling',
          'how do we get a fresh trial period on the cloned VMs',
          'a new VM from the evaluation image already shows fewer than 180 days left',
          'the evaluation countdown started when the image was built, not at first boot',
        ],
        fr: [
          'prolonger la période d’évaluation',
          'réarmer la version d’essai',
          'combien de réarmements restent',
          'nombre de réarmements restants',
          'remettre à zéro le compteur d’évaluation',
          'prolonger l’évaluation sans réinstaller',
          'slmgr rearm pour prolonger la période d’essai',
          'comment obtenir une nouvelle période d’essai sur les VM clonées',
          'une VM neuve issue de l’image d’évaluation affiche déjà moins de 180 jours',
          'le compte à rebours de l’évaluation a démarré à la création de l’image, pas au premier démarrage',
        ],
      },
    },
    cause: {
      en: 'slmgr /rearm resets the evaluation timer and needs a reboot; the number of rearms is limited and shown in /dlv. It only postpones: converting to a licensed edition is the lasting fix.',
      fr: 'slmgr /rearm remet à zéro le compteur de l’évaluation et demande un redémarrage ; le nombre de réarmements est limité et affiché par /dlv. Cela ne fait que repousser : la conversion vers une édition sous licence est la vraie solution.',
    },
    fix: [
      {
        en: 'See the rearms left ("Remaining Windows rearm count").',
        fr: 'Regardez les réarmements restants (« Nombre de réarmements Windows restants »).',
        command: 'slmgr /dlv',
      },
      { en: 'Rearm, then reboot.', fr: 'Réarmez, puis redémarrez.', command: 'slmgr /rearm' },
      { en: 'Reboot.', fr: 'Redémarrez.', command: 'shutdown /r /t 0' },
      {
        en: 'Plan the conversion to a licensed edition.',
        fr: 'Planifiez la conversion vers une édition sous licence.',
        command: 'DISM /online /Get-TargetEditions',
      },
    ],
    escalate: false,
    source: ['activation-facts-more.md §5'],
  },
  {
    id: 'eval-online-activation-required',
    kind: 'eval',
    title: {
      en: 'The evaluation must activate online first',
      fr: 'L’évaluation doit d’abord s’activer en ligne',
    },
    when: {
      codes: [],
      alsoCodes: [],
      symptoms: {
        en: [
          'evaluation VM without internet shuts down after an hour',
          'lab VMs from evaluation media have no internet access',
          'evaluation license not activated',
          'evaluation image sysprepped at build time starts unactivated',
          'trial VM without internet access',
          'eval needs online activation in its first 10 days',
          'brand new evaluation box says the license has expired at the very first login',
          'freshly downloaded evaluation box dies one hour after boot',
        ],
        fr: [
          'VM d’évaluation sans internet s’arrête au bout d’une heure',
          'l’évaluation doit s’activer en ligne sous 10 jours',
          'VM de labo depuis un média d’évaluation sans accès internet',
          'VM d’essai sans accès internet',
          'box d’évaluation toute neuve qui annonce une licence expirée dès la première ouverture de session',
          'la VM d’évaluation neuve s’éteint une heure après le démarrage',
        ],
      },
    },
    cause: {
      en: 'An evaluation edition has to activate online within its first days; a lab machine without internet never starts its 180-day period and ends up shut down by the licensing monitor.',
      fr: 'Une édition d’évaluation doit s’activer en ligne dans ses premiers jours ; une machine de labo sans internet ne démarre jamais sa période de 180 jours et finit arrêtée par le moniteur de licence.',
    },
    fix: [
      {
        en: 'Give the machine internet access (NAT) and activate.',
        fr: 'Donnez à la machine un accès internet (NAT) et activez.',
        command: 'slmgr /ato',
      },
      {
        en: 'Check the evaluation period now shown.',
        fr: 'Vérifiez la période d’évaluation affichée.',
        command: 'slmgr /dlv',
      },
      {
        en: 'For long-lived labs, use volume or retail media instead.',
        fr: 'Pour des labos durables, utilisez plutôt un média en volume ou retail.',
      },
    ],
    escalate: false,
    source: ['activation-facts-more.md §5', 'https://github.com/VirtualEngine/Lability/issues/122'],
  },
];
