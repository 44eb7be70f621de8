package org.heritageguide.speech.tts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpokenTextTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            en | It was built in 1805.                          | It was built in eighteen oh-five.
            en | An adult ticket costs 70,000 VND.              | An adult ticket costs seventy thousand dong.
            en | Open every day, from 08:00 to 17:00.           | Open every day, from eight a.m. to five p.m.
            en | Open 08:00–17:30, or 09:05 on Sunday.          | Open eight a.m. to five thirty p.m., or nine oh five a.m. on Sunday.
            en | There are 82 stelae, from 1442 to 1779.        | There are eighty-two stelae, from fourteen forty-two to seventeen seventy-nine.
            en | Examinations were held 1442–1779.              | Examinations were held fourteen forty-two to seventeen seventy-nine.
            en | It costs $5 or 2.5 euros.                      | It costs five dollars or two point five euros.
            en | Emperor Lý Thánh Tông founded it.              | Emperor Ly Thanh Tong founded it.
            vi | Năm 1805. Vé 70.000 đồng.                      | Năm một nghìn tám trăm lẻ năm. Vé bảy mươi nghìn đồng.
            vi | Mở cửa từ 08:00–17:00.                         | Mở cửa từ tám giờ đến mười bảy giờ.
            vi | Mở cửa từ 7:30 đến 17:00, vé 30.000đ.          | Mở cửa từ bảy giờ ba mươi phút đến mười bảy giờ, vé ba mươi nghìn đồng.
            fr | Le billet coûte 70 000 dongs, en 1805.         | Le billet coûte soixante-dix mille dongs, en mille huit cent cinq.
            fr | Ouvert de 8 h à 17 h 30.                       | Ouvert de huit heures à dix-sept heures trente.
            fr | Ouvert 08:00–17:00.                            | Ouvert huit heures à dix-sept heures.
            zh | 成人票70,000越南盾，时间为08:00至17:00。          | 成人票七万越南盾，时间为八点至十七点。
            zh | 建于1805年，共有82块石碑。                        | 建于一八零五年，共有八十二块石碑。
            ko | 매일 08:00부터 17:30까지 문을 엽니다.               | 매일 여덟 시부터 열일곱 시 삼십 분까지 문을 엽니다.
            ko | 성인 입장료는 70,000동입니다.                      | 성인 입장료는 칠만동입니다.
            es | Construido en 1805, cuesta 70.000 VND.         | Construido en mil ochocientos cinco, cuesta setenta mil VND.
            """)
    void readsNumbersTimesAndPricesAsWords(String language, String written, String spoken) {
        assertThat(SpokenText.normalize(language, written)).isEqualTo(spoken);
    }
}
