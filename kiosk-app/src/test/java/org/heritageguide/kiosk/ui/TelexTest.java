package org.heritageguide.kiosk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Telex, key by key, as a Vietnamese visitor types it on the kiosk. */
class TelexTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # names and places
            Chu Vawn An                | Chu Văn An
            Khuee Vawn Cacs            | Khuê Văn Các
            Vaawn Mieeux               | Văn Miễu
            Vawn Mieeus                | Văn Miếu
            Quoocs Tuwr Giams          | Quốc Tử Giám
            Thieen Quang Tinhr         | Thiên Quang Tỉnh
            Lys Thanhs Toong           | Lý Thánh Tông
            Nguyeenx                   | Nguyễn
            Haf Nooij                  | Hà Nội
            Ddaij Thanhf               | Đại Thành
            nhaf                       | nhà
            # circumflex, breve, horn, stroke
            aa                         | â
            aw                         | ă
            ee                         | ê
            oo                         | ô
            ow                         | ơ
            uw                         | ư
            dd                         | đ
            w                          | ư
            tw                         | tư
            nguoiwf                    | người
            nuwowcs                    | nước
            ruwowuj                    | rượu
            huwu                       | hưu
            quaan                      | quân
            # a mark typed after the final consonant
            Vanw                       | Văn
            Cacs                       | Các
            vietej                     | việt
            tienegs                    | tiếng
            # tones on the right vowel: marked vowel, closed syllable, middle of three, first of two
            hoaf                       | hòa
            hoafn                      | hoàn
            thuyr                      | thủy
            khoer                      | khỏe
            toans                      | toán
            ngoaif                     | ngoài
            xoays                      | xoáy
            muas                       | múa
            mias                       | mía
            quys                       | quý
            quyts                      | quýt
            gias                       | giá
            gif                        | gì
            giuwx                      | giữ
            khuyur                     | khuỷu
            tuyeets                    | tuyết
            hair                       | hải
            # another tone replaces the tone; z takes it off
            asf                        | à
            hoafs                      | hóa
            hoafz                      | hoa
            z                          | z
            baz                        | baz
            # a doubled key undoes and types the letter
            aaa                        | aa
            aww                        | aw
            eee                        | ee
            ooo                        | oo
            oww                        | ow
            ddd                        | dd
            ww                         | w
            ass                        | as
            hoaff                      | hoaf
            nguowiw                    | nguoiw
            # upper case
            AA                         | Â
            Aa                         | Â
            DD                         | Đ
            Dd                         | Đ
            W                          | Ư
            HOAF                       | HÒA
            VIEETJ NAM                 | VIỆT NAM
            DDAIJ HOJC                 | ĐẠI HỌC
            # words stay apart, and what is not a letter is typed as it is
            nhaf tho                   | nhà tho
            cos 3 cuwar                | có 3 cửa
            ai xaay?                   | ai xây?
            """)
    void typesWhatIsExpected(String keys, String expected) {
        assertThat(typed(keys)).isEqualTo(expected);
    }

    @Test
    void theToneKeysPutATonOnTheWordBeforeTheCaretAndTakeItOffAgain() {
        assertThat(Telex.tone("Khuê Văn Cac", Telex.Tone.ACUTE)).isEqualTo("Khuê Văn Các");
        assertThat(Telex.tone("hoan", Telex.Tone.GRAVE)).isEqualTo("hoàn");
        assertThat(Telex.tone("người", Telex.Tone.GRAVE)).isEqualTo("ngươi");
        assertThat(Telex.tone("người", Telex.Tone.DOT)).isEqualTo("ngượi");
        assertThat(Telex.tone("tên là ", Telex.Tone.ACUTE)).as("no word before the caret: nothing to mark").isEqualTo("tên là ");
        assertThat(Telex.tone("Hỏi", Telex.Tone.NONE)).isEqualTo("Hoi");
    }

    private static String typed(String keys) {
        String text = "";
        for (char key : keys.toCharArray()) {
            text = Telex.type(text, key);
        }
        return text;
    }
}
