import type { SeedTexts } from './types.ts';

export const tr: SeedTexts = {
	rights: {
		intro:
			'Biz Kosova polisi ve iş müfettişleriyiz. Güvende olup olmadığınızı ve işte size adil davranılıp davranılmadığını öğrenmek istiyoruz. Bunu kendi dilinizde okuyabilirsiniz.',
		free_help:
			'Kandırıldıysanız, zorlandıysanız veya sömürüldüyseniz yardım alabilirsiniz: kalacak güvenli bir yer, tıbbi bakım, bir avukat ve bir tercüman. Yardım ücretsizdir.',
		confidential: 'Bilgileriniz korunur. Bunları işvereninize veya sizi buraya getiren kişilere vermeyiz.',
		reflection_period:
			'İnsan ticareti mağduruysanız, iyileşmek ve polisle iş birliği yapmak isteyip istemediğinize sakin bir şekilde karar vermek için en az 90 gününüz vardır. Bu süre boyunca Kosova’da kalabilir ve yardım alabilirsiniz.',
		not_punished: 'Yapmaya zorlandığınız şeyler için cezalandırılmayacaksınız.',
		helpline: 'Yardım için istediğiniz zaman ücretsiz arayabilirsiniz:'
	},
	label: {
		rights_title: 'Haklarınız',
		start_questions: 'Soruları yanıtlayın',
		questions_intro:
			'Her soruyu okuyun ve Evet, Hayır veya Bilmiyorum’a dokunun. Yanıtlarınız görevlilerin sizi korumasına yardımcı olur.',
		yes: 'Evet',
		no: 'Hayır',
		unclear: 'Bilmiyorum',
		back: 'Geri',
		done: 'Teşekkür ederiz. Lütfen telefonu görevliye geri verin.'
	},
	card: {
		deceived_about_job: 'İş, işyeri veya işveren size söz verilenden farklı mı?',
		deceived_about_wages: 'Size söz verilenden daha az mı ödeniyor?',
		deceived_about_conditions: 'Çalışma saatleri veya koşulları size söz verilenden daha mı kötü?',
		deceived_about_papers: 'Size, almadığınız belgelerin (çalışma veya oturma izni) sözü verildi mi?',
		hurt_to_bring_here: 'Buraya gelmeniz veya bu işi kabul etmeniz için dövüldünüz mü ya da size zarar verildi mi?',
		threatened_to_bring_here: 'Buraya getirilirken tehdit edildiniz mi?',
		taken_or_sold: 'İradeniz dışında götürüldünüz, satıldınız veya evlendirildiniz mi?',
		debt_to_come_here: 'Yol veya iş için borçlandınız mı ve şimdi bu borcu çalışarak ödemek zorunda mısınız?',
		excessive_hours: 'Çok uzun günler mi, yoksa hiç izin günü olmadan mı çalışıyorsunuz?',
		low_or_no_pay: 'Size çok az mı ödeniyor, yoksa hiç mi ödenmiyor?',
		bad_living_conditions: 'Uyuduğunuz yer veya size verilen yemek kötü mü?',
		documents_kept_by_others: 'Pasaportunuzu veya kimlik kartınızı başka biri mi tutuyor?',
		debt_keeps_here: 'İşverene veya başka birine, ayrılmanızı engelleyen bir borcunuz var mı?',
		confined_or_watched:
			'Kilit altında mı tutuluyorsunuz, izleniyor musunuz veya tek başınıza dışarı çıkmanıza izin verilmiyor mu?',
		hurt_here: 'Burada biri size vurdu mu, zarar verdi mi veya cinsel istismarda bulundu mu?',
		threatened_here: 'Biri sizi şiddetle tehdit etti mi?',
		forced_tasks_or_clients:
			'İstemediğiniz işleri yapmaya veya istemediğiniz müşterilere hizmet etmeye zorlanıyor musunuz?',
		wages_withheld: 'İşveren maaşınızı, örneğin sezon sonuna kadar veya bir borç ödenene kadar tutuyor mu?',
		threatened_with_reporting: 'Polise veya göç makamlarına ihbar edilmekle tehdit edildiniz mi?',
		family_threatened: 'Aileniz tehdit edildi mi veya ailenize zarar verildi mi?',
		afraid_of_authorities: 'Yetkililerden, örneğin sınır dışı edilmekten korkuyor musunuz?'
	}
};
